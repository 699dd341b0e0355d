using IsuBench.Scenarios.Engine;
using IsuBench.Scenarios.Workloads;

namespace IsuBench.Scenarios.Benchmark;

/// <summary>The load phase (docs/contract.md §2.4): Matsuri, LoadIndexPage and DrawOnRandomRoom together, sampled every second.</summary>
public static class LoadPhase
{
    /// <summary>The three workloads as <paramref name="options"/> configure them.</summary>
    public static IReadOnlyList<Workload> Workloads(LoadOptions options, WatcherSlots slots, MatsuriCounters counters) =>
    [
        MatsuriWorkload.Create(options, slots, counters),
        LoadIndexPageWorkload.Create(options),
        DrawOnRandomRoomWorkload.Create(options),
    ];

    /// <summary>
    /// Runs the phase for <see cref="LoadOptions.Duration"/> with <paramref name="sessions"/> (whose metrics collect
    /// everything) and returns its result. Errors under load are ordinary; cancelling ends the phase early and still returns.
    /// Throws <see cref="ArgumentOutOfRangeException"/> for options no run can use.
    /// </summary>
    public static async Task<LoadPhaseResult> RunAsync(LoadOptions options, SessionFactory sessions, CancellationToken cancellationToken)
    {
        options.Validate();
        var metrics = sessions.Metrics;
        long scoreBefore = metrics.Score.Total;
        var counters = new MatsuriCounters();
        var workloads = Workloads(options, new WatcherSlots(options.MaxOpenWatchers), counters);
        var series = new TimeSeries(metrics);
        using var sampling = new CancellationTokenSource();
        var sampler = series.RunAsync(options.SampleInterval, sampling.Token);
        LoadRunResult run;
        try
        {
            run = await new LoadRunner(sessions, options.Seed) { GracePeriod = options.GracePeriod }
                .RunAsync(workloads, options.Duration, cancellationToken);
        }
        finally
        {
            await sampling.CancelAsync();
            await sampler;
        }
        long score = metrics.Score.Total;
        return new LoadPhaseResult(run, score, score - scoreBefore, metrics.Score.Snapshot(), metrics.Errors.Snapshot(),
            metrics.Endpoints.Snapshot(), metrics.Delivery.Snapshot(), series.Points, counters.Snapshot());
    }
}
