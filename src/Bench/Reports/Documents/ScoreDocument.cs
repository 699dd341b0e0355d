using System.Text.Json.Serialization;

namespace IsuBench.Bench.Reports;

/// <summary>Count and points of one score kind.</summary>
public sealed record ScoreDocument(
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("points")] long Points);
