using IsuBench.Engine.Execution;
using IsuBench.Engine.Http;
using IsuBench.Scenarios.Api;
using IsuBench.Scenarios.Judging;

namespace IsuBench.Scenarios.Workloads;

/// <summary>
/// Matsuri ("festival"): each worker is one instance for the phase's duration minus 5 s. One session creates a room and
/// posts the isu strokes, jittered, one after another with a pause after each, looping; watchers join in waves and all
/// leave together one interval after the last wave (<see cref="Waves"/>). Received strokes of this instance's posts score live.
/// </summary>
public static class MatsuriWorkload
{
    /// <summary>The workload's name.</summary>
    public const string Name = "Matsuri";

    /// <summary>The workload: one iteration per worker, lasting the instance's duration.</summary>
    public static Workload Create(LoadOptions options, Judge judge, WatcherSlots slots, MatsuriCounters counters) =>
        new(Name, options.MatsuriInstances, (context, token) => RunInstanceAsync(context, options, judge, slots, counters, token))
        {
            MaxIterations = 1,
        };

    private static async Task RunInstanceAsync(
        WorkerContext context, LoadOptions options, Judge judge, WatcherSlots slots, MatsuriCounters counters, CancellationToken cancellationToken)
    {
        var clock = context.Metrics.Clock;
        // The poster and the waves run concurrently: each gets its own reproducible random source.
        var posterRandom = context.NewRandom();
        var waveRandom = context.NewRandom();
        var newRoom = NewRoom.Numbered(context.Random);
        using var poster = context.NewSession();
        var requests = JudgedRequests.ForLoad(judge);

        var top = await requests.PageTokenAsync(IsuketchApi.TopPageAsync(poster, cancellationToken), cancellationToken: cancellationToken);
        if (!top.Passed)
        {
            context.MarkFailed();
            return;
        }
        var token = top.Value!;
        var created = await requests.CreateRoomAsync(poster, token, newRoom, cancellationToken);
        if (!created.Passed)
        {
            context.MarkFailed();
            return;
        }
        counters.RoomCreated();
        var room = new MatsuriRoom(options, judge, slots, counters);

        // As the original, the instance's time counts from the room's creation: the poster draws for all of it, the watchers
        // join in waves and all leave one interval after the last wave (Waves.Plan).
        var started = clock.Monotonic;
        var plan = Waves.Plan(options.MatsuriDuration, options.WaveInterval);
        using var drawing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        drawing.CancelAfter(options.MatsuriDuration);
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(drawing.Token);
        watching.CancelAfter(plan.LeaveAt);
        var roomId = created.Value!.Id;
        var posting = Task.Run(() => PostLoopAsync(poster, token, roomId, room, posterRandom, drawing.Token, cancellationToken), CancellationToken.None);
        var watchers = new List<Task>();
        var roster = new WatcherRoster();
        try
        {
            foreach (var waveAt in plan.Waves)
            {
                var wait = waveAt - (clock.Monotonic - started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, watching.Token);
                }
                int size = roster.NextWave(options.InitialWaveSize, options.MaxWatchersPerInstance);
                for (int i = 0; i < size; i++)
                {
                    var state = new WatcherState(roster.Started, clock, options.MaxDeliveryDelay);
                    roster.Add(state);
                    counters.WatcherStarted();
                    var watcher = new RoomWatcher(state, context.NewSession(waveRandom), roomId, room);
                    watchers.Add(Task.Run(() => watcher.RunAsync(watching.Token, cancellationToken), CancellationToken.None));
                }
            }
            await Task.Delay(Timeout.InfiniteTimeSpan, watching.Token);
        }
        catch (OperationCanceledException) when (watching.IsCancellationRequested)
        {
            // Time to leave (or the phase ended): everybody leaves; the poster draws on until the instance's end.
        }
        finally
        {
            await watching.CancelAsync();
            await Task.WhenAll(watchers);
            await posting;
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    // As the original: post, pause, and stop once the instance's time is up after a pause; a post under way then still completes.
    private static async Task PostLoopAsync(
        Session poster, string token, long roomId, MatsuriRoom room, Random random, CancellationToken drawing, CancellationToken phase)
    {
        var seeds = StrokeSeeds.Load("isu");
        try
        {
            while (true)
            {
                foreach (var seed in seeds)
                {
                    var stroke = Jitter.Fluctuate(seed, random);
                    var posted = await room.Requests.PostStrokeAsync(poster, token, roomId, stroke, phase);
                    if (posted.Passed)
                    {
                        room.Posted(posted.Value!.Id, posted.Response.SentAt, stroke.Points.Count);
                    }
                    await Task.Delay(room.Options.MatsuriStrokePause, drawing);
                }
            }
        }
        catch (OperationCanceledException) when (drawing.IsCancellationRequested)
        {
        }
    }
}
