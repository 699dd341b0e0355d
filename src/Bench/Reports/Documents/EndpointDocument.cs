using System.Text.Json.Serialization;

namespace IsuBench.Bench.Reports;

/// <summary>One endpoint's statistics (latencies in milliseconds).</summary>
public sealed record EndpointDocument(
    [property: JsonPropertyName("endpoint")] string Endpoint,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("errors")] long Errors,
    [property: JsonPropertyName("timeouts")] long Timeouts,
    [property: JsonPropertyName("p50_ms")] double P50Ms,
    [property: JsonPropertyName("p90_ms")] double P90Ms,
    [property: JsonPropertyName("p99_ms")] double P99Ms,
    [property: JsonPropertyName("p999_ms")] double P999Ms,
    [property: JsonPropertyName("max_ms")] double MaxMs);
