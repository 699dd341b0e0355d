using IsuBench.Bench.Cost;
using IsuBench.Engine.Metrics;
using IsuBench.Tests.Bench.Infrastructure;

namespace IsuBench.Tests.Bench.Cost;

/// <summary>The cost meter over the kind windows a workload marks after its measured window: each divided by its own requests.</summary>
public sealed class KindWindowCostTests
{
    private readonly ManualClock _clock = new();
    private readonly EndpointStats _endpoints = new();
    private readonly MeasuredWindow _window;
    private readonly FakeCpuSource _server = new("process isuketch");
    private readonly FakeCpuSource _bench = new("isubench", kind: "bench");
    private TimeSpan _elapsed = TimeSpan.FromSeconds(5);

    public KindWindowCostTests() => _window = new MeasuredWindow(_clock, _endpoints);

    private CostMeter Meter(Func<MachineCpuTimes?>? machine = null)
    {
        var meter = new CostMeter([_server], _bench, () => _elapsed, machine ?? (() => null));
        meter.Listen(_window);
        return meter;
    }

    // Requests of one endpoint, and what the server and the bench spend on them.
    private void Send(string endpoint, int count, double serverMs, double benchMs)
    {
        for (int i = 0; i < count; i++) _endpoints.RecordRequest(endpoint, 200, TimeSpan.FromMilliseconds(1));
        _server.Cpu += TimeSpan.FromMilliseconds(serverMs * count);
        _bench.Cpu += TimeSpan.FromMilliseconds(benchMs * count);
        _elapsed += TimeSpan.FromSeconds(1);
    }

    [Fact]
    public async Task Each_kind_window_costs_its_own_cpu_over_its_own_requests_and_the_measured_window_keeps_its_figures()
    {
        await using var meter = Meter();
        _window.Open();
        Send("mix", 100, serverMs: 4, benchMs: 1);
        _window.Close();
        Send("between", 7, serverMs: 50, benchMs: 50); // between two windows: in none of them
        _window.OpenKind("GET /api/rooms");
        Send("GET /api/rooms", 60, serverMs: 2, benchMs: 0.5);
        _window.CloseKind();
        _window.OpenKind("POST /api/strokes/rooms/{id}");
        Send("POST /api/strokes/rooms/{id}", 40, serverMs: 9, benchMs: 1.5);
        _window.CloseKind();

        var report = await meter.FinishAsync();

        Assert.NotNull(report);
        Assert.Equal(100, report.Requests);
        Assert.Equal([4.0, 1.0], report.Sources.Select(s => s.CpuMsPerRequest!.Value));
        Assert.Equal(["GET /api/rooms", "POST /api/strokes/rooms/{id}"], report.Kinds.Select(k => k.Kind));
        var rooms = report.Kinds[0];
        Assert.Equal(60, rooms.Requests);
        Assert.Equal(TimeSpan.FromSeconds(7), rooms.OpenedAt);
        Assert.Equal(TimeSpan.FromSeconds(8), rooms.ClosedAt);
        Assert.Equal([2.0, 0.5], rooms.Sources.Select(s => s.CpuMsPerRequest!.Value));
        Assert.Equal(TimeSpan.FromMilliseconds(120), rooms.Sources[0].Cpu);
        Assert.Equal([true, false], rooms.Sources.Select(s => s.Gated));
        Assert.Equal([9.0, 1.5], report.Kinds[1].Sources.Select(s => s.CpuMsPerRequest!.Value));
    }

    [Fact]
    public async Task A_kind_window_that_never_closed_is_missing_with_the_reason_and_the_others_are_kept()
    {
        await using var meter = Meter();
        _window.Open();
        Send("mix", 10, serverMs: 4, benchMs: 1);
        _window.Close();
        _window.OpenKind("GET /");
        Send("GET /", 10, serverMs: 3, benchMs: 1);

        var report = await meter.FinishAsync();

        var kind = Assert.Single(report!.Kinds);
        Assert.Null(kind.ClosedAt);
        Assert.All(kind.Sources, s => Assert.Equal("the measured window did not close", s.Missing));
        Assert.Equal(4.0, report.Sources[0].CpuMsPerRequest);
    }

    [Fact]
    public async Task A_source_that_fails_in_one_kind_window_is_missing_there_only()
    {
        await using var meter = Meter();
        _window.Open();
        Send("mix", 10, serverMs: 4, benchMs: 1);
        _window.Close();
        _window.OpenKind("GET /");
        Send("GET /", 10, serverMs: 3, benchMs: 1);
        _server.Failure = "process 4242 has exited";
        _window.CloseKind();
        _server.Failure = null;
        _window.OpenKind("GET /api/rooms");
        Send("GET /api/rooms", 20, serverMs: 1, benchMs: 0.5);
        _window.CloseKind();

        var report = await meter.FinishAsync();

        Assert.Equal("process 4242 has exited", report!.Kinds[0].Sources[0].Missing);
        Assert.Equal(1.0, report.Kinds[1].Sources[0].CpuMsPerRequest);
    }

    [Fact]
    public async Task A_busy_neighbour_during_a_kind_window_is_judged_over_that_window()
    {
        // The machine's one CPU: idle over the measured window, then wholly busy over the kind window, the server and the
        // bench spending only 0.3 s of its 1 s.
        var readings = new Queue<MachineCpuTimes>([
            MachineCpuTimes.Parse("cpu0 0 0 0 0 0 0 0 0 0 0\n"),
            MachineCpuTimes.Parse("cpu0 0 0 0 100 0 0 0 0 0 0\n"),
            MachineCpuTimes.Parse("cpu0 0 0 0 100 0 0 0 0 0 0\n"),
            MachineCpuTimes.Parse("cpu0 100 0 0 100 0 0 0 0 0 0\n"),
        ]);
        await using var meter = Meter(() => readings.Dequeue());
        _window.Open();
        Send("mix", 10, serverMs: 0, benchMs: 0);
        _window.Close();
        _window.OpenKind("GET /");
        Send("GET /", 10, serverMs: 20, benchMs: 10);
        _window.CloseKind();

        var report = await meter.FinishAsync();

        Assert.Null(report!.Machine!.Crowded);
        Assert.Equal(0.7, report.Kinds[0].Machine!.OtherCpus!.Value, 3);
        Assert.StartsWith("other processes kept 0.7 CPUs busy", report.Kinds[0].Machine!.Crowded);
    }
}
