using System.Text.Json.Serialization;
using IsuBench.Scenarios.Run;
using IsuBench.Scenarios.Workloads;

namespace IsuBench.Bench.Reports;

/// <summary>How the load phase's workers fared, in result.json (absent when the load did not run).</summary>
public sealed record LoadDocument(
    [property: JsonPropertyName("iterations")] IReadOnlyDictionary<string, long> Iterations,
    [property: JsonPropertyName("failed_iterations")] IReadOnlyDictionary<string, long> FailedIterations,
    [property: JsonPropertyName("abandoned_workers")] int AbandonedWorkers,
    [property: JsonPropertyName("matsuri")] MatsuriSummary Matsuri)
{
    /// <summary>The document of <paramref name="load"/>, or null.</summary>
    public static LoadDocument? From(LoadPhaseResult? load) => load is null ? null : new(
        load.Run.Iterations, load.Run.FailedIterations, load.Run.AbandonedWorkers, load.Matsuri);
}
