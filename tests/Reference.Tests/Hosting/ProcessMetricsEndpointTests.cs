using System.Globalization;
using System.Text.RegularExpressions;
using IsuBench.Reference.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IsuBench.Tests.Reference.Hosting;

/// <summary><c>GET /metrics</c>: the process's CPU time in the Prometheus text format, as <c>isubench run --target-metrics</c> reads it.</summary>
public sealed partial class ProcessMetricsEndpointTests
{
    [Fact]
    public async Task It_serves_process_cpu_seconds_total_and_the_count_grows_with_the_cpu_spent()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Path.GetTempPath() });
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.MapProcessMetrics();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        double before = CpuSeconds(await client.GetStringAsync(ProcessMetricsEndpoint.Path));
        var spent = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        // Spin until this process has spent another 300 ms of CPU.
        while (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - spent < TimeSpan.FromMilliseconds(300))
        {
        }
        double after = CpuSeconds(await client.GetStringAsync(ProcessMetricsEndpoint.Path));

        Assert.True(after - before >= 0.29, $"{before} s, then {after} s");
        await app.StopAsync();
    }

    [Fact]
    public void The_reference_server_maps_it()
    {
        var app = IsuketchApp.Build(["--mysql", "Server=127.0.0.1;Port=1;User ID=x;Password=x;Database=isuketch"]);
        var routes = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText);
        Assert.Contains(ProcessMetricsEndpoint.Path, routes);
    }

    private static double CpuSeconds(string text)
    {
        var match = Sample().Match(text);
        Assert.True(match.Success, text);
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(?m)^process_cpu_seconds_total (\S+)$")]
    private static partial Regex Sample();
}
