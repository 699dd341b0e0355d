using IsuBench.Bench.Cost;
using IsuBench.Engine.Execution;
using IsuBench.Engine.Metrics;

namespace IsuBench.Tests.Bench.Cost;

/// <summary>
/// A real server in a real process that spends a known CPU time per request of each kind (tests/CpuBurner), measured
/// in kind windows as the gate workload marks them: when one kind costs twice as much, that kind's cost doubles and the
/// other's stays, read through /proc/PID/stat and through its metrics endpoint alike.
/// </summary>
public sealed class RealProcessKindCostTests
{
    private const int RequestsPerKind = 15;

    // One run: a short mix, then kind "a" alone, then kind "b" alone; each request burns the milliseconds of its kind.
    private static async Task<CostReport> RunAsync(CpuBurnerProcess burner, HttpClient client, double aMs, double bMs)
    {
        var endpoints = new EndpointStats();
        var window = new MeasuredWindow(SystemClock.Instance, endpoints);
        var sources = new ICpuSource[]
        {
            ProcStatReader.Open(burner.Pid),
            await MetricsEndpointReader.OpenAsync(burner.Url("/metrics"), client, CancellationToken.None),
        };
        await using var meter = new CostMeter(sources, new BenchProcessCpu(), () => TimeSpan.Zero);
        meter.Listen(window);

        async Task SendAsync(string kind, double ms, int count)
        {
            for (int i = 0; i < count; i++)
            {
                await client.GetStringAsync(burner.Url($"/burn?ms={ms.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
                endpoints.RecordRequest(kind, 200, TimeSpan.Zero);
            }
        }

        window.Open();
        await SendAsync("mix", 5, 10);
        window.Close();
        foreach (var (kind, ms) in new[] { ("a", aMs), ("b", bMs) })
        {
            window.OpenKind(kind);
            await SendAsync(kind, ms, RequestsPerKind);
            window.CloseKind();
        }
        return (await meter.FinishAsync())!;
    }

    [Fact]
    public async Task A_kind_that_burns_twice_as_much_costs_twice_as_much_and_the_other_kind_does_not_move()
    {
        using var client = new HttpClient();
        await using var burner = await CpuBurnerProcess.StartAsync(client);
        // The first requests compile the burner's code: a warm-up, as the gate workload has.
        for (int i = 0; i < 10; i++) await client.GetStringAsync(burner.Url("/burn?ms=2"));

        var before = await RunAsync(burner, client, aMs: 20, bMs: 20);
        var after = await RunAsync(burner, client, aMs: 20, bMs: 40);

        foreach (var (report, bMs) in new[] { (before, 20.0), (after, 40.0) })
        {
            Assert.Equal(["a", "b"], report.Kinds.Select(k => k.Kind));
            Assert.All(report.Kinds, k => Assert.Equal(RequestsPerKind, k.Requests));
            foreach (var (kind, ms) in new[] { (report.Kinds[0], 20.0), (report.Kinds[1], bMs) })
                foreach (var source in kind.Sources.Take(2))
                {
                    Assert.True(source.Missing is null, $"{kind.Kind}, {source.Name}: {source.Missing}");
                    // 300 to 600 ms of CPU a window, besides the burner's own handling of each request: within 15 %.
                    Assert.InRange(source.CpuMsPerRequest!.Value, ms * 0.85, ms * 1.15);
                }
        }
        for (int source = 0; source < 2; source++)
        {
            double riseOfA = after.Kinds[0].Sources[source].CpuMsPerRequest!.Value / before.Kinds[0].Sources[source].CpuMsPerRequest!.Value;
            double riseOfB = after.Kinds[1].Sources[source].CpuMsPerRequest!.Value / before.Kinds[1].Sources[source].CpuMsPerRequest!.Value;
            Assert.InRange(riseOfB, 1.6, 2.4);
            Assert.InRange(riseOfA, 0.8, 1.25);
        }
    }
}
