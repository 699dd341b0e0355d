using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Prometheus;

namespace IsuBench.Reference.Hosting;

/// <summary>
/// <c>GET /metrics</c>: the server's own CPU time, memory and threads in the Prometheus text format (prometheus-net's
/// process metrics, <c>process_cpu_seconds_total</c> among them), so that <c>isubench run --target-metrics</c> can tell
/// what a request costs it. An IsuBench addition no rule requires (docs/contract.md).
/// </summary>
/// <remarks>
/// The endpoint has a registry of its own: the library's default one would, on its first scrape, also start listening
/// to every .NET meter and event counter, ASP.NET Core's per-request instruments among them, a cost on every request
/// that the endpoint exists to measure. This one reads the process's numbers when it is scraped and does nothing else.
/// </remarks>
public static class ProcessMetricsEndpoint
{
    /// <summary>The endpoint's path.</summary>
    public const string Path = "/metrics";

    /// <summary>Maps <c>GET /metrics</c>.</summary>
    public static IEndpointConventionBuilder MapProcessMetrics(this IEndpointRouteBuilder endpoints)
    {
        var registry = Metrics.NewCustomRegistry();
        DotNetStats.Register(registry);
        return endpoints.MapMetrics(settings => settings.Registry = registry, Path);
    }
}
