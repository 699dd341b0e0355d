using IsuBench.Engine.Execution;
using IsuBench.Engine.Http;
using IsuBench.Scenarios.Judging;
using IsuBench.Scenarios.Workloads;

namespace IsuBench.Scenarios.Run;

/// <summary>The load phase (docs/contract.md §2.4): Matsuri, LoadIndexPage and DrawOnRandomRoom together.</summary>
internal static class LoadPhase
{
    /// <summary>The three workloads as <paramref name="options"/> configure them, judged by <paramref name="judge"/>.</summary>
    public static IReadOnlyList<Workload> Workloads(LoadOptions options, Judge judge, WatcherSlots slots, MatsuriCounters counters) =>
    [
        MatsuriWorkload.Create(options, judge, slots, counters),
        LoadIndexPageWorkload.Create(options, judge),
        DrawOnRandomRoomWorkload.Create(options, judge),
    ];

    /// <summary>
    /// Runs the phase for <see cref="LoadOptions.Duration"/> with <paramref name="sessions"/>, whose metrics collect the score, the
    /// errors and the statistics. Errors under load are ordinary; cancelling ends the phase early and still returns.
    /// Throws <see cref="ArgumentOutOfRangeException"/> for options no run can use.
    /// </summary>
    public static async Task<LoadPhaseResult> RunAsync(LoadOptions options, SessionFactory sessions, CancellationToken cancellationToken)
    {
        options.Validate();
        var counters = new MatsuriCounters();
        var workloads = Workloads(options, new Judge(sessions.Metrics), new WatcherSlots(options.MaxOpenWatchers), counters);
        // ISUCON load has no warm-up: the score counts the whole phase, and so does what is measured beside it.
        sessions.Metrics.Window.Open();
        var run = await new LoadRunner(sessions, options.Seed) { GracePeriod = options.GracePeriod, Segment = options.Segment }
            .RunAsync(workloads, options.Duration, cancellationToken);
        sessions.Metrics.Window.Close();
        return new LoadPhaseResult(run, counters.Snapshot());
    }
}
