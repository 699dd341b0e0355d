namespace IsuBench.Engine.Execution;

/// <summary>How a load run ended: iterations per workload, and workers that had to be abandoned after the grace period.</summary>
public sealed record LoadRunResult(IReadOnlyDictionary<string, long> Iterations, IReadOnlyDictionary<string, long> FailedIterations, int AbandonedWorkers, TimeSpan Elapsed);
