namespace IsuBench.Bench.Statistics;

/// <summary>
/// A Mann–Whitney U test's outcome: U of the first sample (as scipy reports it), the one-sided p-value, and whether
/// it came from the exact distribution or the normal approximation.
/// </summary>
internal sealed record RankTestResult(double U, double P, bool Exact);
