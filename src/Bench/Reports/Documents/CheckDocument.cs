using System.Text.Json.Serialization;

namespace IsuBench.Bench.Reports;

/// <summary>One check of the initial check: whether it passed or was skipped, how long it took, and its verdicts.</summary>
public sealed record CheckDocument(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("passed")] bool Passed,
    [property: JsonPropertyName("skipped")] bool Skipped,
    [property: JsonPropertyName("duration_seconds")] double DurationSeconds,
    [property: JsonPropertyName("verdicts")] IReadOnlyList<VerdictDocument> Verdicts);
