using System.Text.Json.Serialization;

namespace IsuBench.Bench.Reports;

/// <summary>One tracked message and its new occurrences in each sample's interval.</summary>
public sealed record ErrorTrackDocument(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("counts")] IReadOnlyList<long> Counts);
