using System.Text.Json.Serialization;

namespace IsuBench.Bench.Reports;

/// <summary>One CPU within the measured window: the share of its time busy and stolen by the hypervisor (0 to 1).</summary>
public sealed record CpuLoadDocument(
    [property: JsonPropertyName("cpu")] int Cpu,
    [property: JsonPropertyName("busy")] double Busy,
    [property: JsonPropertyName("steal")] double Steal);
