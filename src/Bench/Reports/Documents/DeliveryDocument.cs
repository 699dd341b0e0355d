using System.Text.Json.Serialization;

namespace IsuBench.Bench.Reports;

/// <summary>SSE delivery latency (POST sent to stroke received, milliseconds) and its histogram.</summary>
public sealed record DeliveryDocument(
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("p50_ms")] double P50Ms,
    [property: JsonPropertyName("p90_ms")] double P90Ms,
    [property: JsonPropertyName("p99_ms")] double P99Ms,
    [property: JsonPropertyName("p999_ms")] double P999Ms,
    [property: JsonPropertyName("max_ms")] double MaxMs,
    [property: JsonPropertyName("histogram")] IReadOnlyList<DeliveryBucketDocument> Histogram);
