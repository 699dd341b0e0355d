using System.Text.Json.Serialization;

namespace IsuBench.Bench.Reports;

/// <summary>How busy the machine was within the measured window: the share of all CPUs' time busy and stolen (0 to 1), and each CPU's.</summary>
public sealed record MachineLoadDocument(
    [property: JsonPropertyName("busy")] double Busy,
    [property: JsonPropertyName("steal")] double Steal,
    [property: JsonPropertyName("cpus")] IReadOnlyList<CpuLoadDocument> Cpus);
