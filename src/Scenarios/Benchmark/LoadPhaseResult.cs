using IsuBench.Scenarios.Engine;
using IsuBench.Scenarios.Workloads;

namespace IsuBench.Scenarios.Benchmark;

/// <summary>
/// What the load phase leaves behind. Score, scores by kind, errors, endpoints and delivery are snapshots of the run's
/// metrics at the end of the phase, so they include anything recorded into the same metrics before (the initial check);
/// <see cref="PhasePoints"/> is what this phase alone earned.
/// </summary>
public sealed record LoadPhaseResult(
    LoadRunResult Run,
    long Score,
    long PhasePoints,
    IReadOnlyDictionary<ScoreKind, (long Count, long Points)> ScoresByKind,
    IReadOnlyList<ErrorEntry> Errors,
    IReadOnlyList<EndpointSnapshot> Endpoints,
    LatencySnapshot Delivery,
    IReadOnlyList<TimeSeriesPoint> TimeSeries,
    MatsuriSummary Matsuri);
