using IsuBench.Checks.Rules;

namespace IsuBench.Scenarios.Run;

/// <summary>How many scoring events of one kind were counted and the points they earned.</summary>
public sealed record ScoreBreakdown(ScoreKind Kind, long Count, long Points);
