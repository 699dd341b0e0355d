using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IsuBench.Reference.Hosting;

/// <summary>
/// <c>GET /metrics</c>: the server process's CPU time, resident memory and start time in the Prometheus text exposition
/// format, under the names every Prometheus client library gives them (<c>process_cpu_seconds_total</c> ...), so that
/// <c>isubench run --target-metrics</c> can tell what a request costs the server. An IsuBench addition no rule requires
/// (docs/contract.md).
/// </summary>
/// <remarks>
/// Written here rather than with a Prometheus client library: this is all the bench reads, it is read when scraped and
/// costs nothing between scrapes, and no listener of the .NET meters (ASP.NET Core's per-request instruments among
/// them) is started that would cost every request the endpoint exists to measure.
/// </remarks>
public static class ProcessMetricsEndpoint
{
    /// <summary>The endpoint's path.</summary>
    public const string Path = "/metrics";

    /// <summary>The text exposition format's media type.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Maps <c>GET /metrics</c>.</summary>
    public static IEndpointConventionBuilder MapProcessMetrics(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Text(Render(), ContentType);
        });

    /// <summary>The exposition of this process now.</summary>
    public static string Render()
    {
        using var process = Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture,
            $"""
            # HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.
            # TYPE process_cpu_seconds_total counter
            process_cpu_seconds_total {process.TotalProcessorTime.TotalSeconds:R}
            # HELP process_resident_memory_bytes Resident memory size in bytes.
            # TYPE process_resident_memory_bytes gauge
            process_resident_memory_bytes {process.WorkingSet64}
            # HELP process_start_time_seconds Start time of the process since unix epoch in seconds.
            # TYPE process_start_time_seconds gauge
            process_start_time_seconds {new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0:R}

            """);
    }
}
