using System.Globalization;
using IsuBench.Scenarios.Engine;

namespace IsuBench.Scenarios.Workloads;

/// <summary>
/// Matsuri ("festival"), SPEC §2.3: each worker is one instance for the phase's duration minus 5 s. One session creates
/// a room and posts the isu strokes, jittered, one after another with a pause after each, looping; watchers join in
/// waves (<see cref="WaveRule"/>); at the end every watcher leaves. Received strokes of this instance's posts score live.
/// </summary>
public static class MatsuriWorkload
{
    /// <summary>The workload's name.</summary>
    public const string Name = "Matsuri";

    /// <summary>The workload: one iteration per worker, lasting the instance's duration.</summary>
    public static Workload Create(LoadOptions options, WatcherSlots slots, MatsuriCounters counters) =>
        new(Name, options.MatsuriInstances, (context, token) => RunInstanceAsync(context, options, slots, counters, token))
        {
            MaxIterations = 1,
        };

    private static async Task RunInstanceAsync(
        WorkerContext context, LoadOptions options, WatcherSlots slots, MatsuriCounters counters, CancellationToken cancellationToken)
    {
        var clock = context.Metrics.Clock;
        var started = clock.Monotonic;
        // The poster and the waves run concurrently: each gets its own reproducible random source.
        var posterRandom = context.NewRandom();
        var waveRandom = context.NewRandom();
        int roomNumber = context.Random.Next(1000, 2000);
        using var poster = context.NewSession();

        string? token = await LoadRequests.FetchPageTokenAsync(poster, "/", LoadRequests.TopPage, cancellationToken);
        if (token is null)
        {
            context.MarkFailed();
            return;
        }
        var created = await LoadRequests.CreateRoomAsync(poster, token, $"ひたすら椅子を描く部屋【{roomNumber.ToString(CultureInfo.InvariantCulture)}】",
            1024, 768, cancellationToken);
        if (created is null)
        {
            context.MarkFailed();
            return;
        }
        counters.RoomCreated();
        var room = new MatsuriRoom(options, context.Metrics, slots, counters);

        using var instance = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var remaining = options.MatsuriDuration - (clock.Monotonic - started);
        instance.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        var tasks = new List<Task> { Task.Run(() => PostLoopAsync(poster, token, created.Id, room, posterRandom, instance.Token), CancellationToken.None) };
        var roster = new WatcherRoster();
        try
        {
            foreach (var waveAt in WaveRule.Schedule(options.MatsuriDuration, options.WaveInterval))
            {
                var wait = waveAt - (clock.Monotonic - started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, instance.Token);
                }
                int size = roster.NextWave(options.InitialWaveSize, options.MaxWatchersPerInstance);
                for (int i = 0; i < size; i++)
                {
                    var state = new WatcherState(roster.Started, clock, options.MaxDeliveryDelay);
                    roster.Add(state);
                    counters.WatcherStarted();
                    var watcher = new RoomWatcher(state, context.NewSession(waveRandom), created.Id, room);
                    tasks.Add(Task.Run(() => watcher.RunAsync(instance.Token), CancellationToken.None));
                }
            }
            await Task.Delay(Timeout.InfiniteTimeSpan, instance.Token);
        }
        catch (OperationCanceledException) when (instance.IsCancellationRequested)
        {
            // The instance's time is up (or the phase ended): everybody leaves.
        }
        finally
        {
            await instance.CancelAsync();
            await Task.WhenAll(tasks);
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static async Task PostLoopAsync(Session poster, string token, long roomId, MatsuriRoom room, Random random, CancellationToken cancellationToken)
    {
        var seeds = StrokeSeeds.Load("isu");
        try
        {
            while (true)
            {
                foreach (var seed in seeds)
                {
                    var stroke = Jitter.Fluctuate(seed, random);
                    var (posted, response) = await LoadRequests.PostStrokeAsync(poster, token, roomId, stroke, cancellationToken);
                    if (posted is not null)
                    {
                        room.Posted(posted.Id, response.SentAt, stroke.Points.Count);
                    }
                    await Task.Delay(room.Options.MatsuriStrokePause, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
