using System.Text.Json.Serialization;

namespace IsuBench.Bench.Reports;

/// <summary>
/// One kind window of the gate workload (docs/ci.md): the kind of request it sent alone, when it opened and closed (in
/// seconds since the run started), its requests (the divisor), each source's CPU over it, as in the measured window's
/// sources, and how busy the machine was meanwhile.
/// </summary>
public sealed record CostKindDocument(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("opened_at_seconds")] double OpenedAtSeconds,
    [property: JsonPropertyName("closed_at_seconds")] double? ClosedAtSeconds,
    [property: JsonPropertyName("requests")] long Requests,
    [property: JsonPropertyName("sources")] IReadOnlyList<CostSourceDocument> Sources)
{
    /// <summary>How busy the machine's CPUs were within the window; null where that cannot be read.</summary>
    [JsonPropertyName("machine")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MachineLoadDocument? Machine { get; init; }
}
