using IsuBench.Engine.Metrics;

namespace IsuBench.Bench.Cost;

/// <summary>
/// Measures what the server spends per request beside the latencies: it reads every CPU source when the run's
/// <see cref="MeasuredWindow"/> opens and when it closes, and divides each one's CPU time in between by the requests the
/// bench completed in between. It also reads the sources on this machine about once a second for CPU over time (a
/// metrics endpoint only at the two ends: each read is a request to the server under test). A source that cannot be
/// read at either end is marked missing with the reason; the rest of the run is kept. The kind windows the workload marks
/// after it (<see cref="MeasuredWindow.OpenKind"/>) are read the same way, each divided by its own requests.
/// </summary>
internal sealed class CostMeter : IAsyncDisposable
{
    private readonly IReadOnlyList<ICpuSource> _sources;
    private readonly IReadOnlyList<string> _names;
    private readonly int _targets;
    private readonly Func<TimeSpan> _elapsed;
    private readonly Func<MachineCpuTimes?> _machine;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<CostSample> _series = [];
    private volatile Task<Reading>? _opening;
    private volatile Task<Reading>? _closing;
    private readonly List<KindReadings> _kinds = [];
    private Task? _sampler;

    /// <summary>
    /// A meter of <paramref name="targets"/> (the server's sources, gated) and <paramref name="bench"/> (the bench itself,
    /// reported only); <paramref name="elapsed"/> tells the time since the run started, <paramref name="machine"/> reads
    /// the machine's CPU times (<see cref="MachineCpuTimes.Read"/> unless a test gives another).
    /// </summary>
    public CostMeter(IReadOnlyList<ICpuSource> targets, ICpuSource bench, Func<TimeSpan> elapsed, Func<MachineCpuTimes?>? machine = null)
    {
        _sources = [.. targets, bench];
        _targets = targets.Count;
        _elapsed = elapsed;
        _machine = machine ?? (() => MachineCpuTimes.Read());
        // Two sources of one name (two processes of one program) are told apart by number, in the order given.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        _names = _sources.Select(s => (seen[s.Name] = seen.GetValueOrDefault(s.Name) + 1) == 1 ? s.Name : $"{s.Name} #{seen[s.Name]}").ToList();
    }

    /// <summary>Reads the sources at <paramref name="window"/>'s two moments.</summary>
    public void Listen(MeasuredWindow window)
    {
        window.Opened += mark => _opening = ReadAllAsync(mark);
        window.Closed += mark => _closing = ReadAllAsync(mark);
        window.KindOpened += (kind, mark) =>
        {
            lock (_kinds) _kinds.Add(new KindReadings(kind, ReadAllAsync(mark)));
        };
        window.KindClosed += (kind, mark) =>
        {
            lock (_kinds)
            {
                int i = _kinds.FindLastIndex(k => k.Kind == kind);
                if (i >= 0) _kinds[i] = _kinds[i] with { Closing = ReadAllAsync(mark) };
            }
        };
    }

    /// <summary>Starts reading the local sources every <paramref name="interval"/> for CPU over time, until <see cref="FinishAsync"/>.</summary>
    public void StartSeries(TimeSpan interval) => _sampler ??= SampleEveryAsync(interval, _stop.Token);

    /// <summary>
    /// Stops the series and returns the cost over the window; null when the window never opened (no load phase ran).
    /// </summary>
    public async Task<CostReport?> FinishAsync()
    {
        await _stop.CancelAsync();
        if (_sampler is not null) await _sampler;
        if (_opening is not { } opening) return null;
        var open = await opening;
        var close = _closing is { } closing ? await closing : null;
        var (requests, sources, machine) = Over(open, close);
        List<CostSample> series;
        lock (_series) series = [.. _series];
        List<KindReadings> kindReadings;
        lock (_kinds) kindReadings = [.. _kinds];
        var kinds = new List<KindCost>();
        foreach (var kind in kindReadings)
        {
            var kindOpen = await kind.Opening;
            var kindClose = kind.Closing is { } kindClosing ? await kindClosing : null;
            var (kindRequests, kindSources, kindMachine) = Over(kindOpen, kindClose);
            kinds.Add(new KindCost(kind.Kind, kindOpen.Elapsed, kindClose?.Elapsed, kindRequests, kindSources, kindMachine));
        }
        return new CostReport(open.Elapsed, close?.Elapsed, requests, sources, machine, series) { Kinds = kinds };
    }

    // The requests between two readings, each source's cost over them, and how busy the machine was meanwhile.
    private (long Requests, IReadOnlyList<SourceCost> Sources, MachineLoad? Machine) Over(Reading open, Reading? close)
    {
        long requests = close is null ? 0 : close.Requests - open.Requests;
        var sources = _sources.Select((source, i) => Cost(source, i, open, close, requests)).ToList();
        var machine = open.Machine is { } before && close?.Machine is { } after
            ? CrowdedMachine.Judge(after.Since(before), MeasuredOnThisMachine(sources), close.Elapsed - open.Elapsed)
            : null;
        return (requests, sources, machine);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_sampler is not null) await _sampler;
        _stop.Dispose();
    }

    private SourceCost Cost(ICpuSource source, int index, Reading open, Reading? close, long requests)
    {
        string? missing = open.Failed[index] ?? close?.Failed[index]
            ?? (close is null ? "the measured window did not close" : null);
        TimeSpan? cpu = missing is null ? close!.Cpu[index] - open.Cpu[index] : null;
        if (cpu < TimeSpan.Zero)
        {
            missing = "its CPU time went back within the window (it restarted?)";
            cpu = null;
        }
        if (missing is null && requests <= 0) missing = "no request finished within the window";
        double? perRequest = missing is null ? Math.Round(cpu!.Value.TotalMilliseconds / requests, 4) : null;
        return new SourceCost(_names[index], source.Kind, source.Detail, source.Cpus, Gated: index < _targets, cpu, perRequest, missing);
    }

    // What the bench and the server's sources on this machine spent in the window; unknown when one was not measured, and
    // when no source of the server was given, as then the server cannot be told from a neighbour.
    private TimeSpan? MeasuredOnThisMachine(IReadOnlyList<SourceCost> costs)
    {
        if (_targets == 0) return null;
        var total = TimeSpan.Zero;
        for (int i = 0; i < costs.Count; i++)
        {
            if (!_sources[i].OnThisMachine) continue;
            if (costs[i].Cpu is not { } cpu) return null;
            total += cpu;
        }
        return total;
    }

    // Every source at once, so that the slow one (a metrics endpoint) does not shift the others' moment; the machine's
    // times first, as close to the mark as the sources.
    private async Task<Reading> ReadAllAsync(WindowMark mark)
    {
        var elapsed = _elapsed();
        var machine = _machine();
        var reads = _sources.Select(ReadOneAsync).ToList();
        var results = await Task.WhenAll(reads);
        return new Reading(elapsed, mark.Requests, results.Select(r => r.Cpu).ToArray(), results.Select(r => r.Failed).ToArray(), machine);
    }

    private static async Task<(TimeSpan Cpu, string? Failed)> ReadOneAsync(ICpuSource source)
    {
        try
        {
            return (await source.ReadAsync(CancellationToken.None), null);
        }
        catch (CpuSourceException e)
        {
            return (TimeSpan.Zero, e.Message);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or FormatException or UnauthorizedAccessException)
        {
            return (TimeSpan.Zero, e.Message);
        }
    }

    private async Task SampleEveryAsync(TimeSpan interval, CancellationToken stop)
    {
        var local = Enumerable.Range(0, _sources.Count).Where(i => !_sources[i].Remote).ToList();
        var before = new TimeSpan?[_sources.Count];
        var beforeAt = _elapsed();
        foreach (int i in local) before[i] = await TryReadAsync(_sources[i]);
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var at = _elapsed();
                double seconds = (at - beforeAt).TotalSeconds;
                var rates = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (int i in local)
                {
                    var now = await TryReadAsync(_sources[i]);
                    if (now is { } cpu && before[i] is { } then && cpu >= then && seconds > 0)
                        rates[_names[i]] = Math.Round((cpu - then).TotalMilliseconds / seconds, 1);
                    before[i] = now;
                }
                beforeAt = at;
                lock (_series) _series.Add(new CostSample(at, rates));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private static async Task<TimeSpan?> TryReadAsync(ICpuSource source)
    {
        var (cpu, failed) = await ReadOneAsync(source);
        return failed is null ? cpu : null;
    }

    /// <summary>A kind window's two readings, the second null while it has not closed.</summary>
    private sealed record KindReadings(string Kind, Task<Reading> Opening, Task<Reading>? Closing = null);

    /// <summary>The sources at one end of the window: each one's CPU time, or why it could not be read, and the machine's times.</summary>
    private sealed record Reading(TimeSpan Elapsed, long Requests, TimeSpan[] Cpu, string?[] Failed, MachineCpuTimes? Machine);
}
