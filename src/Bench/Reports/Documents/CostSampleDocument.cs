using System.Text.Json.Serialization;

namespace IsuBench.Bench.Reports;

/// <summary>One sample of CPU over time: seconds since the start, and each source's milliseconds of CPU per second since the sample before.</summary>
public sealed record CostSampleDocument(
    [property: JsonPropertyName("elapsed_seconds")] double ElapsedSeconds,
    [property: JsonPropertyName("cpu_ms_per_second")] IReadOnlyDictionary<string, double> CpuMsPerSecond);
