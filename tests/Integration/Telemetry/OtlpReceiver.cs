using IsuBench.Integration.Telemetry.Otlp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IsuBench.Integration.Telemetry;

/// <summary>
/// A small OTLP/HTTP metrics receiver on a loopback port, as a collector would be: it accepts protobuf posts on
/// <c>/v1/metrics</c>, decodes them and keeps every export in the order it arrived.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ExportMetricsServiceRequest> _exports = [];

    private OtlpReceiver(WebApplication app) => _app = app;

    /// <summary>The collector's base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress => new(_app.Urls.First());

    /// <summary>Starts a receiver on a free port.</summary>
    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/metrics", async (HttpRequest request) =>
        {
            if (request.ContentType != "application/x-protobuf") return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var export = ExportMetricsServiceRequest.Parser.ParseFrom(body.ToArray());
            lock (receiver._exports) receiver._exports.Add(export);
            // An empty ExportMetricsServiceResponse: everything accepted.
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Every metric received from the service named <paramref name="serviceName"/>, in arrival order, one entry per export.</summary>
    public IReadOnlyList<Metric> MetricsOf(string serviceName)
    {
        lock (_exports)
            return _exports
                .SelectMany(export => export.ResourceMetrics)
                .Where(resource => resource.Resource?.Attributes.Any(a => a.Key == "service.name" && a.Value?.StringValue == serviceName) == true)
                .SelectMany(resource => resource.ScopeMetrics)
                .SelectMany(scope => scope.Metrics)
                .ToList();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
