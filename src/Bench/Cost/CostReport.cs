namespace IsuBench.Bench.Cost;

/// <summary>
/// What the CPU sources spent over a run's measured window: the window (from the run's start; its end is null when it
/// never closed), the requests the bench completed in it, each source's cost (the server's first, the bench's last), how
/// busy the machine was, and CPU over the whole run, about once a second; then the same over each kind window.
/// </summary>
internal sealed record CostReport(
    TimeSpan OpenedAt,
    TimeSpan? ClosedAt,
    long Requests,
    IReadOnlyList<SourceCost> Sources,
    MachineLoad? Machine,
    IReadOnlyList<CostSample> Series)
{
    /// <summary>What the sources spent in each kind window the workload marked, in order; none under ISUCON load.</summary>
    public IReadOnlyList<KindCost> Kinds { get; init; } = [];
}
