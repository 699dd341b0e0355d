using System.Text.Json.Serialization;

namespace IsuBench.Bench.Reports;

/// <summary>Deliveries above the previous bucket's bound and at most <c>le_ms</c> (null: above the last bound).</summary>
public sealed record DeliveryBucketDocument(
    [property: JsonPropertyName("le_ms")] double? LeMs,
    [property: JsonPropertyName("count")] long Count);
