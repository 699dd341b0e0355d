using IsuBench.Bench.Cost;
using IsuBench.Engine.Metrics;
using IsuBench.Tests.Bench.Infrastructure;

namespace IsuBench.Tests.Bench.Cost;

public sealed class CostMeterTests
{
    private readonly ManualClock _clock = new();
    private readonly EndpointStats _endpoints = new();
    private readonly MeasuredWindow _window;
    private readonly FakeCpuSource _server = new("process isuketch");
    private readonly FakeCpuSource _database = new("cgroup db", kind: "cgroup");
    private readonly FakeCpuSource _bench = new("isubench", kind: "bench");
    private TimeSpan _elapsed = TimeSpan.FromSeconds(5);

    public CostMeterTests() => _window = new MeasuredWindow(_clock, _endpoints);

    private CostMeter Meter(params ICpuSource[] targets)
    {
        var meter = new CostMeter(targets, _bench, () => _elapsed, () => null);
        meter.Listen(_window);
        return meter;
    }

    // A meter whose machine has one CPU, busy through the whole window.
    private CostMeter MeterOverOneBusyCpu(params ICpuSource[] targets)
    {
        var readings = new Queue<MachineCpuTimes>([
            MachineCpuTimes.Parse("cpu0 0 0 0 0 0 0 0 0 0 0\n"),
            MachineCpuTimes.Parse("cpu0 1000 0 0 0 0 0 0 0 0 0\n"),
        ]);
        var meter = new CostMeter(targets, _bench, () => _elapsed, () => readings.Dequeue());
        meter.Listen(_window);
        return meter;
    }

    private void Requests(int count)
    {
        for (int i = 0; i < count; i++) _endpoints.RecordRequest("GET /api/rooms", 200, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Each_source_costs_its_cpu_time_within_the_window_over_the_requests_finished_within_it()
    {
        await using var meter = Meter(_server, _database);
        Requests(50); // before the window: not counted
        _server.Cpu = TimeSpan.FromSeconds(10);
        _database.Cpu = TimeSpan.FromSeconds(3);
        _bench.Cpu = TimeSpan.FromSeconds(1);
        _window.Open();
        Requests(400);
        _server.Cpu += TimeSpan.FromMilliseconds(800);
        _database.Cpu += TimeSpan.FromMilliseconds(200);
        _bench.Cpu += TimeSpan.FromMilliseconds(100);
        _elapsed = TimeSpan.FromSeconds(25);
        _window.Close();
        Requests(50); // after it: not counted either

        var report = await meter.FinishAsync();

        Assert.NotNull(report);
        Assert.Equal(400, report.Requests);
        Assert.Equal(TimeSpan.FromSeconds(5), report.OpenedAt);
        Assert.Equal(TimeSpan.FromSeconds(25), report.ClosedAt);
        Assert.Equal(["process isuketch", "cgroup db", "isubench"], report.Sources.Select(s => s.Name));
        Assert.Equal([2.0, 0.5, 0.25], report.Sources.Select(s => s.CpuMsPerRequest!.Value));
        Assert.Equal(TimeSpan.FromMilliseconds(800), report.Sources[0].Cpu);
        Assert.Equal([true, true, false], report.Sources.Select(s => s.Gated));
        Assert.All(report.Sources, s => Assert.Null(s.Missing));
    }

    [Fact]
    public async Task A_source_that_vanishes_mid_run_is_missing_with_the_reason_and_the_others_are_kept()
    {
        await using var meter = Meter(_server, _database);
        _window.Open();
        Requests(10);
        _database.Cpu = TimeSpan.FromMilliseconds(50);
        _server.Failure = "process 1234 has exited";
        _window.Close();

        var report = await meter.FinishAsync();

        Assert.NotNull(report);
        Assert.Equal("process 1234 has exited", report.Sources[0].Missing);
        Assert.Null(report.Sources[0].CpuMsPerRequest);
        Assert.Equal(5.0, report.Sources[1].CpuMsPerRequest);
    }

    [Fact]
    public async Task A_source_missing_from_the_start_is_missing_with_its_own_reason()
    {
        await using var meter = Meter(new MissingCpuSource("process web", "pid", "@server.pid", "no process with pid 77"));
        _window.Open();
        Requests(10);
        _window.Close();
        var report = await meter.FinishAsync();
        Assert.Equal("no process with pid 77", report!.Sources[0].Missing);
        Assert.NotNull(report.Sources[1].CpuMsPerRequest);
    }

    [Fact]
    public async Task Cpu_time_that_went_back_is_a_restart_not_a_negative_cost()
    {
        await using var meter = Meter(_server);
        _server.Cpu = TimeSpan.FromSeconds(9);
        _window.Open();
        Requests(10);
        _server.Cpu = TimeSpan.FromSeconds(1);
        _window.Close();
        var report = await meter.FinishAsync();
        Assert.Contains("went back", report!.Sources[0].Missing);
    }

    [Fact]
    public async Task No_request_within_the_window_is_no_figure()
    {
        await using var meter = Meter(_server);
        _window.Open();
        _server.Cpu = TimeSpan.FromSeconds(1);
        _window.Close();
        var report = await meter.FinishAsync();
        Assert.Equal(0, report!.Requests);
        Assert.All(report.Sources, s => Assert.Contains("no request", s.Missing));
    }

    [Fact]
    public async Task Without_a_window_there_is_no_report()
    {
        await using var meter = Meter(_server);
        Assert.Null(await meter.FinishAsync());
    }

    [Fact]
    public async Task A_window_that_never_closed_marks_every_figure_missing()
    {
        await using var meter = Meter(_server);
        _window.Open();
        var report = await meter.FinishAsync();
        Assert.Null(report!.ClosedAt);
        Assert.All(report.Sources, s => Assert.Equal("the measured window did not close", s.Missing));
    }

    [Fact]
    public async Task Two_sources_of_one_name_are_told_apart_by_number()
    {
        await using var meter = Meter(new FakeCpuSource("process dotnet"), new FakeCpuSource("process dotnet"));
        _window.Open();
        Requests(1);
        _window.Close();
        var report = await meter.FinishAsync();
        Assert.Equal(["process dotnet", "process dotnet #2", "isubench"], report!.Sources.Select(s => s.Name));
    }

    [Fact]
    public async Task The_machine_load_is_that_between_the_two_ends()
    {
        var readings = new Queue<MachineCpuTimes>([
            MachineCpuTimes.Parse("cpu0 100 0 0 100 0 0 0 0 0 0\n"),
            MachineCpuTimes.Parse("cpu0 175 0 0 125 0 0 0 0 0 0\n"),
        ]);
        await using var meter = new CostMeter([_server], _bench, () => _elapsed, () => readings.Dequeue());
        meter.Listen(_window);
        _window.Open();
        Requests(1);
        _window.Close();
        var report = await meter.FinishAsync();
        Assert.Equal(0.75, report!.Machine!.Busy);
    }

    [Fact]
    public async Task What_the_local_sources_did_not_spend_of_the_machines_busy_time_is_a_neighbours_and_crowds_it()
    {
        // Two CPUs over 10 s, 1.8 CPUs busy: the server spent 6 s, the bench 1 s, a metrics endpoint elsewhere 5 s
        // (not on this machine, so not subtracted): 1.1 CPUs' worth was someone else's.
        var remote = new FakeCpuSource("metrics db", kind: "metrics", remote: true);
        var readings = new Queue<MachineCpuTimes>([
            MachineCpuTimes.Parse("cpu0 0 0 0 0 0 0 0 0 0 0\ncpu1 0 0 0 0 0 0 0 0 0 0\n"),
            MachineCpuTimes.Parse("cpu0 900 0 0 100 0 0 0 0 0 0\ncpu1 900 0 0 100 0 0 0 0 0 0\n"),
        ]);
        await using var meter = new CostMeter([_server, remote], _bench, () => _elapsed, () => readings.Dequeue());
        meter.Listen(_window);
        _window.Open();
        Requests(10);
        _server.Cpu += TimeSpan.FromSeconds(6);
        _bench.Cpu += TimeSpan.FromSeconds(1);
        remote.Cpu += TimeSpan.FromSeconds(5);
        _elapsed += TimeSpan.FromSeconds(10);
        _window.Close();

        var machine = (await meter.FinishAsync())!.Machine!;

        Assert.Equal(0.9, machine.Busy);
        Assert.Equal(1.1, machine.OtherCpus);
        Assert.StartsWith("other processes kept 1.1 CPUs busy", machine.Crowded);
    }

    [Fact]
    public async Task Without_a_source_of_the_server_the_neighbours_share_is_unknown_as_the_server_could_be_on_this_machine()
    {
        await using var meter = MeterOverOneBusyCpu([]);
        _window.Open();
        Requests(10);
        _elapsed += TimeSpan.FromSeconds(10);
        _window.Close();

        var machine = (await meter.FinishAsync())!.Machine!;

        Assert.Equal(1.0, machine.Busy);
        Assert.Null(machine.OtherCpus);
        Assert.Null(machine.Crowded);
    }

    [Fact]
    public async Task A_local_source_that_was_not_measured_leaves_the_neighbours_share_unknown()
    {
        await using var meter = MeterOverOneBusyCpu([_server]);
        _window.Open();
        Requests(10);
        _server.Failure = "process 1234 has exited";
        _elapsed += TimeSpan.FromSeconds(10);
        _window.Close();

        var machine = (await meter.FinishAsync())!.Machine!;

        Assert.Equal(1.0, machine.Busy);
        Assert.Null(machine.OtherCpus);
        Assert.Null(machine.Crowded);
    }

    [Fact]
    public async Task The_series_reads_the_local_sources_only_and_stops_when_the_meter_finishes()
    {
        var remote = new FakeCpuSource("metrics server", kind: "metrics", remote: true);
        long ticks = 0;
        // Each call a second later: the sampler asks once per sample.
        var meter = new CostMeter([_server, remote], _bench, () => TimeSpan.FromSeconds(Interlocked.Increment(ref ticks)), () => null);
        meter.Listen(_window);
        _server.PerRead = TimeSpan.FromMilliseconds(100);
        meter.StartSeries(TimeSpan.FromMilliseconds(20));
        for (int i = 0; i < 500 && _server.Reads < 5; i++) await Task.Delay(10);
        _window.Open();
        Requests(1);
        _window.Close();
        var report = await meter.FinishAsync();
        int reads = _server.Reads;
        await meter.DisposeAsync();

        Assert.NotNull(report);
        Assert.True(report.Series.Count >= 3, $"{report.Series.Count} samples");
        // Before the window's own reads: 100 ms of CPU a second for the server, none for the bench.
        Assert.All(report.Series.Take(2), sample => Assert.Equal(100, sample.CpuMsPerSecond["process isuketch"]));
        Assert.All(report.Series.Take(2), sample => Assert.Equal(0, sample.CpuMsPerSecond["isubench"]));
        Assert.DoesNotContain(report.Series, sample => sample.CpuMsPerSecond.ContainsKey("metrics server"));
        Assert.Equal(2, remote.Reads); // the window's two ends only
        await Task.Delay(60);
        Assert.Equal(reads, _server.Reads);
    }
}
