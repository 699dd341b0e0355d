using System.Text.Json.Serialization;

namespace IsuBench.Bench.Reports;

/// <summary>How busy the machine was within the measured window: the share of all CPUs' time busy and stolen (0 to 1), and each CPU's.</summary>
public sealed record MachineLoadDocument(
    [property: JsonPropertyName("busy")] double Busy,
    [property: JsonPropertyName("steal")] double Steal,
    [property: JsonPropertyName("cpus")] IReadOnlyList<CpuLoadDocument> Cpus)
{
    /// <summary>CPUs kept busy by processes other than the bench and the server's sources on this machine; null when unknown.</summary>
    [JsonPropertyName("other_cpus")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? OtherCpus { get; init; }

    /// <summary>Why the machine was too crowded for the run to be evidence of a regression; absent when it was not.</summary>
    [JsonPropertyName("crowded")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Crowded { get; init; }
}
