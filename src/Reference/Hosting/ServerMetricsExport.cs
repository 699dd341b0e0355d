using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace IsuBench.Reference.Hosting;

/// <summary>
/// Streams the server's metrics (ASP.NET Core's request durations and Kestrel's connections, and the
/// <see cref="ServerInstruments"/>) to an OpenTelemetry collector over OTLP/HTTP, so that a dashboard shows them beside
/// isubench's own. Nothing is registered without an endpoint.
/// </summary>
internal static class ServerMetricsExport
{
    /// <summary>The meters of ASP.NET Core that tell how the server is doing.</summary>
    public static readonly string[] AspNetCoreMeters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    /// <summary>Adds the export when <paramref name="options"/> name an endpoint.</summary>
    public static IServiceCollection AddServerMetricsExport(this IServiceCollection services, ReferenceOptions options)
    {
        if (options.OtlpEndpoint is not { } endpoint) return services;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("isuketch").AddAttributes([new("isuketch.profile", options.Profile)]))
            .WithMetrics(metrics => metrics
                .AddMeter([ServerInstruments.MeterName, .. AspNetCoreMeters])
                .AddOtlpExporter((exporter, reader) =>
                {
                    exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                    // As isubench: a collector's base address gets OTLP's metrics path, a URL with a path is taken as it is.
                    exporter.Endpoint = endpoint.AbsolutePath is "" or "/" ? new Uri(endpoint, "v1/metrics") : endpoint;
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.OtlpInterval.TotalMilliseconds;
                    reader.TemporalityPreference = MetricReaderTemporalityPreference.Cumulative;
                }));
        return services;
    }
}
