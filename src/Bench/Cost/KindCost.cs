namespace IsuBench.Bench.Cost;

/// <summary>
/// What the CPU sources spent over one kind window, in which the workload sent <see cref="Kind"/> alone: the window (from
/// the run's start), its requests, each source's cost per request of that kind (in the order of
/// <see cref="CostReport.Sources"/>), and how busy the machine was meanwhile.
/// </summary>
internal sealed record KindCost(
    string Kind, TimeSpan OpenedAt, TimeSpan? ClosedAt, long Requests, IReadOnlyList<SourceCost> Sources, MachineLoad? Machine);
