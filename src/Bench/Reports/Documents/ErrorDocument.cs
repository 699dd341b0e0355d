using System.Text.Json.Serialization;

namespace IsuBench.Bench.Reports;

/// <summary>One distinct error.</summary>
public sealed record ErrorDocument(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("first_seen")] DateTimeOffset FirstSeen);
