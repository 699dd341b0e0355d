using IsuBench.Engine.Metrics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace IsuBench.Bench.Telemetry;

/// <summary>
/// Streams the <c>IsuBench</c> meter to an OpenTelemetry collector over OTLP/HTTP (protobuf) while a run goes on, so
/// that a dashboard shows the load beside the server's own metrics. Disposing it sends what is left.
/// </summary>
internal static class MetricsExport
{
    /// <summary>The export interval when none is given: a dashboard's usual refresh.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    /// <summary>Starts exporting as <paramref name="settings"/> say; null when they name no endpoint.</summary>
    public static MeterProvider? Start(MetricsExportSettings settings)
    {
        if (settings.Endpoint is not { } endpoint) return null;
        return Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(resource => resource.AddService("isubench", serviceVersion: Reports.BenchVersion.Current))
            .AddMeter(BenchInstruments.MeterName)
            .AddOtlpExporter((exporter, reader) =>
            {
                exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                exporter.Endpoint = MetricsUri(endpoint);
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)settings.Interval.TotalMilliseconds;
                // Cumulative, as Prometheus-style back ends expect; every export carries the run's totals so far.
                reader.TemporalityPreference = MetricReaderTemporalityPreference.Cumulative;
            })
            .Build();
    }

    /// <summary>
    /// The URL metrics are posted to: a collector's base address (http://host:4318, as in OTEL_EXPORTER_OTLP_ENDPOINT)
    /// gets OTLP's metrics path; a URL with a path of its own is taken as it is.
    /// </summary>
    public static Uri MetricsUri(Uri endpoint) =>
        endpoint.AbsolutePath is "" or "/" ? new Uri(endpoint, "v1/metrics") : endpoint;
}
