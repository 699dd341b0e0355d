namespace IsuBench.Bench.Telemetry;

/// <summary>Where live metrics go (null: nowhere) and how often.</summary>
/// <param name="Endpoint">The OTLP/HTTP collector, or null for no export.</param>
/// <param name="Interval">Time between two exports.</param>
internal sealed record MetricsExportSettings(Uri? Endpoint, TimeSpan Interval)
{
    /// <summary>No export.</summary>
    public static MetricsExportSettings None { get; } = new(null, MetricsExport.DefaultInterval);
}
