namespace IsuBench.Scenarios.Workloads.Gate;

/// <summary>
/// One kind window of the gate workload: <paramref name="Kind"/> (an endpoint's label) sent alone, an arrival every
/// <paramref name="MeanInterval"/> on average.
/// </summary>
internal sealed record KindSchedule(string Kind, TimeSpan MeanInterval);
