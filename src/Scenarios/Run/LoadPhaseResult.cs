using IsuBench.Engine.Execution;
using IsuBench.Scenarios.Workloads;

namespace IsuBench.Scenarios.Run;

/// <summary>What the load phase adds to the run's metrics: how its workers fared (iterations, failures, abandoned) and what Matsuri did.</summary>
public sealed record LoadPhaseResult(LoadRunResult Run, MatsuriSummary Matsuri);
