using IsuBench.Bench.Cost;
using IsuBench.Engine.Execution;
using IsuBench.Engine.Metrics;

namespace IsuBench.Tests.Bench.Cost;

/// <summary>
/// A real server in a real process that spends a known CPU time per request (tests/CpuBurner): read through
/// /proc/PID/stat and through its metrics endpoint over a measured window, its cost per request comes back as what it
/// burned, within 10 %; and a busy neighbour process crowds the machine.
/// </summary>
public sealed class RealProcessCostTests
{
    private const double BurnMs = 20;
    private const int Requests = 40;

    [Fact]
    public async Task A_server_that_burns_20_ms_of_cpu_a_request_is_reported_at_20_ms_per_request()
    {
        using var client = new HttpClient();
        await using var burner = await CpuBurnerProcess.StartAsync(client);
        // The first requests compile the burner's code: a warm-up, as the gate workload has.
        for (int i = 0; i < 10; i++) await client.GetStringAsync(burner.Url("/burn?ms=2"));

        var endpoints = new EndpointStats();
        var window = new MeasuredWindow(SystemClock.Instance, endpoints);
        var sources = new ICpuSource[]
        {
            ProcStatReader.Open(burner.Pid),
            await MetricsEndpointReader.OpenAsync(burner.Url("/metrics"), client, CancellationToken.None),
        };
        await using var meter = new CostMeter(sources, new BenchProcessCpu(), () => TimeSpan.Zero);
        meter.Listen(window);

        window.Open();
        for (int i = 0; i < Requests; i++)
        {
            await client.GetStringAsync(burner.Url($"/burn?ms={BurnMs}"));
            endpoints.RecordRequest("GET /burn", 200, TimeSpan.Zero);
        }
        window.Close();
        var report = await meter.FinishAsync();

        Assert.NotNull(report);
        Assert.Equal(Requests, report.Requests);
        Assert.Equal($"process IsuBench.CpuBurner", report.Sources[0].Name);
        foreach (var source in report.Sources.Take(2))
        {
            Assert.True(source.Missing is null, $"{source.Name}: {source.Missing}");
            Assert.InRange(source.CpuMsPerRequest!.Value, BurnMs * 0.9, BurnMs * 1.1);
        }
        // This process is the bench's side: measured too, not gated (its figure here is the test host's, compiling included).
        Assert.Equal("isubench", report.Sources[2].Name);
        Assert.False(report.Sources[2].Gated);
        Assert.True(report.Sources[2].CpuMsPerRequest > 0);
    }

    [Fact]
    public async Task A_neighbour_process_that_keeps_a_cpu_busy_marks_the_machine_crowded()
    {
        var endpoints = new EndpointStats();
        var window = new MeasuredWindow(SystemClock.Instance, endpoints);
        var started = System.Diagnostics.Stopwatch.StartNew();
        // The server: a real process that does nothing, so that all the busy time but the bench's is the neighbour's.
        using var server = System.Diagnostics.Process.Start("sleep", ["30"]);
        await using var meter = new CostMeter([ProcStatReader.Open(server.Id)], new BenchProcessCpu(), () => started.Elapsed);
        meter.Listen(window);
        using var neighbour = System.Diagnostics.Process.Start("sh", ["-c", "while :; do :; done"]);
        try
        {
            window.Open();
            endpoints.RecordRequest("GET /", 200, TimeSpan.Zero);
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            window.Close();
        }
        finally
        {
            neighbour.Kill();
            server.Kill();
            await neighbour.WaitForExitAsync();
        }
        var machine = (await meter.FinishAsync())!.Machine!;

        // A busy loop takes a whole CPU unless the machine is full, and then still more than the bound.
        Assert.True(machine.OtherCpus > CrowdedMachine.MaxOtherCpus, $"other processes: {machine.OtherCpus} CPUs");
        Assert.StartsWith("other processes kept", machine.Crowded);
    }
}
