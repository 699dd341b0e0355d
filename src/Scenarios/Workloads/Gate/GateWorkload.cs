using IsuBench.Engine.Execution;
using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;
using IsuBench.Scenarios.Api;
using IsuBench.Scenarios.Judging;

namespace IsuBench.Scenarios.Workloads.Gate;

/// <summary>
/// The gate workload (<c>run --workload gate</c>): a fixed, seeded schedule instead of ISUCON's load that grows with
/// success. A few rooms are created; then, on schedule whatever the answers, each room's poster sends strokes, readers
/// fetch the room list, rooms and the top page, and watchers join each room in steps and stay. Every response is judged
/// by the same rules as under ISUCON load; <see cref="GateRecorder"/> measures what a regression would move.
/// </summary>
internal static class GateWorkload
{
    // Watchers stay whatever the delay: leaving on a late stroke would lighten the load of a slow build.
    private static readonly TimeSpan WatchersNeverLeave = TimeSpan.FromHours(1);

    /// <summary>Runs the plan for <see cref="LoadOptions.Duration"/> with <paramref name="sessions"/>; cancelling ends it early and still returns.</summary>
    public static async Task<GateRun> RunAsync(GatePlan plan, LoadOptions options, SessionFactory sessions, CancellationToken cancellationToken)
    {
        options.Validate();
        var clock = sessions.Metrics.Clock;
        var judge = new Judge(sessions.Metrics);
        var requests = JudgedRequests.ForLoad(judge);
        var counters = new MatsuriCounters();
        var slots = new WatcherSlots(options.MaxOpenWatchers);
        var random = new Random(options.Seed);
        var started = clock.Monotonic;

        var rooms = await CreateRoomsAsync(plan, sessions, requests, counters, random, cancellationToken);
        var phaseStart = clock.Monotonic;
        var recorder = new GateRecorder(plan, options.Duration, options.DeliveryScoreWindow, clock, phaseStart, clock.UtcNow);
        using var phase = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        phase.CancelAfter(options.Duration);
        var schedules = new Dictionary<string, ScheduledStream>(StringComparer.Ordinal);
        var running = new List<Task>();
        // A schedule is named for the reports; its arrivals are seeded by a name that is the same in every run.
        ScheduledStream Schedule(string name, TimeSpan interval, string seedName, TimeSpan? gracefulStop = null)
        {
            var arrivals = GatePlan.ArrivalsFor(seedName, interval, options.Seed);
            var stream = new ScheduledStream(arrivals, plan.MaxInFlightPerSchedule, gracefulStop ?? plan.GracefulStop, clock);
            schedules[name] = stream;
            return stream;
        }
        // A scheduled request of an endpoint, given its index and the instant it is timed from, and recorded however it
        // ends: one cancelled past the graceful stop counts as failed, with the time it had taken by then.
        Func<long, TimeSpan, CancellationToken, Task> Timed(string endpoint, Func<long, TimeSpan, CancellationToken, Task<bool>> request) =>
            async (index, due, stop) =>
            {
                var start = recorder.Begin(due);
                bool ok = false;
                try { ok = await request(index, start, stop); }
                finally { recorder.Request(endpoint, due, start, ok); }
            };

        var strokes = StrokeSeeds.Load("isu");
        // One delivery scoring for all rooms: stroke ids are unique, and every delivery is tallied by the recorder.
        var delivery = new MatsuriRoom(options, judge, slots, counters, recorder.Delivery);
        for (int number = 0; number < rooms.Count; number++)
        {
            var room = rooms[number];
            // Each room's strokes come from a random source of its own, drawn in order on its schedule's loop.
            var strokeRandom = new Random(random.Next());
            running.Add(Schedule($"post to room {room.Id}", plan.PostInterval, $"post {number}").RunAsync(Timed(Endpoints.PostStroke, async (index, start, stop) =>
            {
                var stroke = Jitter.Fluctuate(strokes[(int)(index % strokes.Count)], strokeRandom);
                var posted = await requests.PostStrokeAsync(room.Poster, room.Token, room.Id, stroke, stop);
                if (posted.Passed) delivery.Posted(posted.Value!.Id, recorder.UtcOf(start), stroke.Points.Count);
                return posted.Passed;
            }), options.Duration, cancellationToken));
        }
        running.Add(OpenWindowAfterWarmUpAsync(sessions.Metrics.Window, phaseStart + GatePlan.WarmUpFor(options.Duration), clock, phase.Token));
        using var reader = sessions.Create(random);
        if (rooms.Count > 0)
        {
            running.Add(Schedule("room list", plan.RoomListInterval, "room list").RunAsync(Timed(Endpoints.RoomList,
                async (_, _, stop) => (await requests.RoomListAsync(reader, stop)).Passed), options.Duration, cancellationToken));
            running.Add(Schedule("room", plan.RoomInterval, "room").RunAsync(Timed(Endpoints.Room,
                (index, _, stop) => requests.AnsweredOkAsync(IsuketchApi.RoomAsync(reader, rooms[(int)(index % rooms.Count)].Id, stop))), options.Duration, cancellationToken));
            running.Add(Schedule("top page", plan.TopPageInterval, "top page").RunAsync(Timed(Endpoints.TopPage,
                async (_, _, stop) => (await requests.PageAsync(IsuketchApi.TopPageAsync(reader, stop))).Passed), options.Duration, cancellationToken));
            running.Add(JoinInStepsAsync(plan, options.Duration, rooms, delivery, sessions, new Random(random.Next()), clock, phaseStart, phase.Token));
        }

        await Task.WhenAll(running);
        // Every measured request has ended, those of the graceful stop too: what is measured beside them stops here.
        sessions.Metrics.Window.Close();
        // Drawn after the steps, so the steps' own draws are those of a run without kind windows.
        var kindRandom = new Random(random.Next());
        if (rooms.Count > 0 && sessions.Metrics.Window.ClosedAt is not null)
        {
            await RunKindWindowsAsync(
                plan, options, rooms, reader, requests, strokes, kindRandom, Schedule, sessions.Metrics.Window, cancellationToken);
        }
        foreach (var room in rooms) room.Poster.Dispose();

        var iterations = schedules.ToDictionary(s => s.Key, s => s.Value.Started, StringComparer.Ordinal);
        var dropped = schedules.ToDictionary(s => s.Key, s => s.Value.Dropped, StringComparer.Ordinal);
        foreach (var (name, count) in dropped.Where(d => d.Value > 0))
            sessions.Metrics.Errors.AddCapacity($"{count} arrivals of '{name}' dropped: {plan.MaxInFlightPerSchedule} requests were still under way");
        // In the result's load section an arrival that was dropped counts as a failed iteration of its schedule.
        var run = new LoadRunResult(iterations, dropped, AbandonedWorkers: 0, clock.Monotonic - started);
        return new GateRun(run, counters.Snapshot(), recorder.Figures());
    }

    // The measured window opens when the recorder starts counting (the first step of watchers); not at all when the run
    // is cancelled first.
    private static async Task OpenWindowAfterWarmUpAsync(MeasuredWindow window, TimeSpan at, IClock clock, CancellationToken stop)
    {
        try
        {
            var wait = at - clock.Monotonic;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, stop);
            window.Open();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    // Each kind of request alone, one window after the other, marked on the run's measured window so that the CPU a server
    // spends in each is put down to its kind. A window closes once its requests have all ended, so it holds exactly them;
    // nothing else is sent meanwhile (the watchers left with the steps). Ctrl+C ends the window under way and starts no more.
    private static async Task RunKindWindowsAsync(
        GatePlan plan, LoadOptions options, IReadOnlyList<PlanRoom> rooms, Session reader, JudgedRequests requests,
        IReadOnlyList<StrokeShape> strokes, Random random, Func<string, TimeSpan, string, TimeSpan?, ScheduledStream> schedule,
        MeasuredWindow window, CancellationToken cancellationToken)
    {
        var length = GatePlan.KindWindowLength(options.Duration);
        foreach (var kind in plan.KindSchedules)
        {
            if (cancellationToken.IsCancellationRequested) return;
            var send = KindRequest(kind.Kind, rooms, reader, requests, strokes, new Random(random.Next()));
            string name = GatePlan.KindScheduleName(kind.Kind);
            var stream = schedule(name, kind.MeanInterval, name, plan.KindGracefulStop);
            window.OpenKind(kind.Kind);
            try
            {
                await stream.RunAsync(send, length, cancellationToken);
            }
            finally
            {
                window.CloseKind();
            }
        }
    }

    // What one arrival of a kind window sends, judged as in the steps; rooms, posters and strokes taken in turn.
    private static Func<long, TimeSpan, CancellationToken, Task> KindRequest(
        string kind, IReadOnlyList<PlanRoom> rooms, Session reader, JudgedRequests requests, IReadOnlyList<StrokeShape> strokes,
        Random random) =>
        kind switch
        {
            Endpoints.TopPage => async (_, _, stop) => await requests.PageAsync(IsuketchApi.TopPageAsync(reader, stop)),
            Endpoints.RoomList => async (_, _, stop) => await requests.RoomListAsync(reader, stop),
            Endpoints.Room => async (index, _, stop) =>
                await requests.AnsweredOkAsync(IsuketchApi.RoomAsync(reader, rooms[(int)(index % rooms.Count)].Id, stop)),
            Endpoints.RoomPage => async (index, _, stop) => await requests.PageTokenAsync(
                IsuketchApi.RoomPageAsync(reader, rooms[(int)(index % rooms.Count)].Id, stop), cancellationToken: stop),
            Endpoints.PostStroke => (index, _, stop) =>
                PostAloneAsync(rooms[(int)(index % rooms.Count)], requests, strokes, random, index, stop),
            _ => throw new ArgumentException($"the gate workload cannot send {kind} alone", nameof(kind)),
        };

    // A stroke of a kind window, its jitter drawn before the first await, on the schedule's loop: the same strokes in every run.
    private static async Task PostAloneAsync(
        PlanRoom room, JudgedRequests requests, IReadOnlyList<StrokeShape> strokes, Random random, long index, CancellationToken stop)
    {
        var stroke = Jitter.Fluctuate(strokes[(int)(index % strokes.Count)], random);
        await requests.PostStrokeAsync(room.Poster, room.Token, room.Id, stroke, stop);
    }

    /// <summary>A room of the plan: its poster's session and token.</summary>
    private sealed record PlanRoom(long Id, Session Poster, string Token);

    // At each step's start, each room gets the watchers that take it to the step's number; all stay to the end.
    private static async Task JoinInStepsAsync(
        GatePlan plan, TimeSpan duration, IReadOnlyList<PlanRoom> rooms, MatsuriRoom delivery, SessionFactory sessions, Random random,
        IClock clock, TimeSpan phaseStart, CancellationToken stop)
    {
        var watchers = new List<Task>();
        var starts = plan.StepStarts(duration);
        int joined = 0;
        try
        {
            for (int step = 0; step < starts.Count; step++)
            {
                var wait = phaseStart + starts[step] - clock.Monotonic;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, stop);
                int add = plan.WatchersPerRoom[step] - (step == 0 ? 0 : plan.WatchersPerRoom[step - 1]);
                foreach (var room in rooms)
                    for (int i = 0; i < add; i++)
                    {
                        delivery.Counters.WatcherStarted();
                        var watcher = new RoomWatcher(new WatcherState(joined++, clock, WatchersNeverLeave), sessions.Create(random), room.Id, delivery);
                        watchers.Add(Task.Run(() => watcher.RunAsync(stop, stop), CancellationToken.None));
                    }
            }
            await Task.Delay(Timeout.InfiniteTimeSpan, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The phase is over: every watcher leaves.
        }
        finally
        {
            await Task.WhenAll(watchers);
        }
    }

    private static async Task<List<PlanRoom>> CreateRoomsAsync(
        GatePlan plan, SessionFactory sessions, JudgedRequests requests, MatsuriCounters counters, Random random, CancellationToken cancellationToken)
    {
        var rooms = new List<PlanRoom>();
        for (int i = 0; i < plan.Rooms && !cancellationToken.IsCancellationRequested; i++)
        {
            var poster = sessions.Create(random);
            var top = await requests.PageTokenAsync(IsuketchApi.TopPageAsync(poster, cancellationToken), cancellationToken: cancellationToken);
            var created = top.Passed ? await requests.CreateRoomAsync(poster, top.Value!, NewRoom.Numbered(random), cancellationToken) : null;
            if (created is not { Passed: true })
            {
                poster.Dispose();
                continue;
            }
            counters.RoomCreated();
            rooms.Add(new PlanRoom(created.Value!.Id, poster, top.Value!));
        }
        return rooms;
    }
}
