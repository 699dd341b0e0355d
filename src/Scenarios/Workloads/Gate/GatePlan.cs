using IsuBench.Scenarios.Workloads.Gate.Arrivals;

namespace IsuBench.Scenarios.Workloads.Gate;

/// <summary>
/// The gate workload's fixed schedule: what is sent when, the same for every run of a duration whatever the server
/// answers (an open model), so that two builds see the same load and only their answers differ. A warm-up comes first
/// and is not measured; the rest is split into steps, each with more watchers per room than the one before. After the
/// steps come the kind windows: each kind of request of the mix sent alone for a short while, so that what the server
/// spends in each can be put down to that kind (<see cref="KindSchedules"/>).
/// </summary>
internal sealed record GatePlan
{
    /// <summary>Rooms created at the start, each with its own poster and watchers.</summary>
    public int Rooms { get; init; } = 4;

    /// <summary>Each room's poster sends a stroke this often on average (so 8 posts a second over 4 rooms).</summary>
    public TimeSpan PostInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary><c>GET /api/rooms</c> this often on average.</summary>
    public TimeSpan RoomListInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary><c>GET /api/rooms/{id}</c> of one of the plan's rooms this often on average.</summary>
    public TimeSpan RoomInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary><c>GET /</c> (the top page's HTML, not its images) this often on average.</summary>
    public TimeSpan TopPageInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Watchers per room during each step: they join at the step's start and stay to the end.</summary>
    public IReadOnlyList<int> WatchersPerRoom { get; init; } = [2, 4, 8];

    /// <summary>
    /// The endpoints whose p50 a gate judges: those whose runs agree closely enough on a shared 2-core machine
    /// (results/gate.md); the others' latencies are reported, not gated.
    /// </summary>
    public IReadOnlySet<string> GatedEndpoints { get; init; } = new HashSet<string>(StringComparer.Ordinal) { Api.Endpoints.RoomList, Api.Endpoints.Room };

    /// <summary>
    /// The arrival times of the schedule named <paramref name="schedule"/>, with a mean gap of
    /// <paramref name="meanInterval"/>, in a run of seed <paramref name="runSeed"/>: a seeded Poisson process, so that
    /// each request meets a fair sample of the rest of the load rather than the same neighbours all run long
    /// (<see cref="PoissonArrivals"/>; docs/contract.md). Each schedule draws from a seed of its own, derived from its
    /// name, so its times do not depend on what else the run drew first.
    /// </summary>
    public static IArrivalTimes ArrivalsFor(string schedule, TimeSpan meanInterval, int runSeed) =>
        new PoissonArrivals(meanInterval, ScheduleSeed(schedule, runSeed));

    /// <summary>The seed of a schedule's arrivals: FNV-1a over its name, mixed with the run's seed; the same in every process.</summary>
    public static int ScheduleSeed(string schedule, int runSeed)
    {
        // string.GetHashCode differs between processes by design; a run's arrivals must not.
        uint hash = 2166136261 ^ (uint)runSeed;
        foreach (char c in schedule) hash = (hash ^ c) * 16777619;
        return (int)hash;
    }

    /// <summary>Requests of one schedule that may be under way at once; past it a request is dropped (the server is far too slow).</summary>
    public int MaxInFlightPerSchedule { get; init; } = 64;

    /// <summary>
    /// How long requests still under way when the schedule ends may take before they are cancelled (k6's gracefulStop,
    /// whose default is 30 s): the slowest requests are the ones still running then, and belong in the latencies.
    /// </summary>
    public TimeSpan GracefulStop { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The kind windows, in the order they run after the steps: each kind of request of the mix alone, at a mean interval
    /// of its own (a seeded Poisson process, as the mix's). The stream is left out: a watcher's stream costs the server
    /// for as long as it stays open, not per request. Posting comes last, as the database's work after a commit (its
    /// purge, its page flushes) goes on for a while and would be put down to the kind after it.
    /// </summary>
    public IReadOnlyList<KindSchedule> KindSchedules { get; init; } =
    [
        new(Api.Endpoints.TopPage, TimeSpan.FromMilliseconds(20)),
        new(Api.Endpoints.RoomList, TimeSpan.FromMilliseconds(20)),
        new(Api.Endpoints.Room, TimeSpan.FromMilliseconds(20)),
        new(Api.Endpoints.RoomPage, TimeSpan.FromMilliseconds(20)),
        new(Api.Endpoints.PostStroke, TimeSpan.FromMilliseconds(20)),
    ];

    /// <summary>How long each kind's schedule sends: a twentieth of the run's duration, from 0.25 s to 3 s (1.5 s of a 30 s run).</summary>
    public static TimeSpan KindWindowLength(TimeSpan duration) =>
        TimeSpan.FromTicks(Math.Clamp(duration.Ticks / 20, TimeSpan.FromMilliseconds(250).Ticks, TimeSpan.FromSeconds(3).Ticks));

    /// <summary>
    /// How long requests of a kind window still under way when its schedule ends may take: shorter than the steps' graceful
    /// stop, as no latency is measured here; a request cancelled past it still counts among the window's requests.
    /// </summary>
    public TimeSpan KindGracefulStop { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The name of the schedule of <paramref name="kind"/>'s window, for the reports and its arrivals' seed.</summary>
    public static string KindScheduleName(string kind) => kind + " alone";

    /// <summary>The unmeasured start: a quarter of the run, at most 10 s.</summary>
    public static TimeSpan WarmUpFor(TimeSpan duration) => TimeSpan.FromTicks(Math.Min(duration.Ticks / 4, TimeSpan.FromSeconds(10).Ticks));

    /// <summary>When each step starts, from the start of the phase: the time after the warm-up split evenly.</summary>
    public IReadOnlyList<TimeSpan> StepStarts(TimeSpan duration)
    {
        var warmUp = WarmUpFor(duration);
        var step = (duration - warmUp) / WatchersPerRoom.Count;
        return Enumerable.Range(0, WatchersPerRoom.Count).Select(i => warmUp + step * i).ToList();
    }

    /// <summary>The step running at <paramref name="elapsed"/> (0-based), or -1 during the warm-up.</summary>
    public int StepAt(TimeSpan elapsed, TimeSpan duration)
    {
        var starts = StepStarts(duration);
        for (int i = starts.Count - 1; i >= 0; i--)
            if (elapsed >= starts[i]) return i;
        return -1;
    }
}
