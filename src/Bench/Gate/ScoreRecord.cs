namespace IsuBench.Bench.Gate;

/// <summary>What the gate reads from a result file: the original bench's pass, score and messages.</summary>
public sealed record ScoreRecord(bool Pass, long Score, IReadOnlyList<string> Messages);
