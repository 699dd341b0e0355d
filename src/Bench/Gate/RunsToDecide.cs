namespace IsuBench.Bench.Gate;

/// <summary>
/// How many more runs on each side would likely turn an inconclusive decision into a pass or a fail: the smallest
/// number of extra runs (up to <paramref name="Cap"/>) at which <paramref name="Share"/> of <paramref name="Simulations"/>
/// simulated gates decided; null when even <paramref name="Cap"/> did not.
/// </summary>
public sealed record RunsToDecide(int? PerSide, int Cap, int Simulations, double Share);
