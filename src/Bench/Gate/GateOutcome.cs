namespace IsuBench.Bench.Gate;

/// <summary>What the gate decided and the one line that says why.</summary>
public sealed record GateOutcome(bool Passed, string Reason);
