using System.Text.Json.Serialization;

namespace IsuBench.Bench.Reports;

/// <summary>
/// One CPU source over the measured window: its name (that of its figure), kind (<c>pid</c>, <c>cgroup</c>,
/// <c>metrics</c>, <c>bench</c>), where it was read, the CPUs it could run on, whether the gate judges it, its CPU
/// milliseconds and those per request, or why it is missing.
/// </summary>
public sealed record CostSourceDocument(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("cpus")] string? Cpus,
    [property: JsonPropertyName("gated")] bool Gated,
    [property: JsonPropertyName("cpu_ms")] double? CpuMs,
    [property: JsonPropertyName("cpu_ms_per_request")] double? CpuMsPerRequest,
    [property: JsonPropertyName("missing")] string? Missing);
