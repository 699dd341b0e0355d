using IsuBench.Engine.Execution;
using IsuBench.Engine.Http;
using IsuBench.Engine.Sse;

namespace IsuBench.Scenarios.Workloads;

/// <summary>
/// Every number of the load phase (docs/contract.md §2.4), with the original benchmark's values as defaults. Tests and the
/// command line shorten or scale them; nothing in the workloads hard-codes them.
/// </summary>
public sealed record LoadOptions
{
    /// <summary>How long the load phase runs (the original: 60 s).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The run seed every worker's random source derives from.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Watchers always wait the default 1 s before reconnecting, as the original benchmark did (docs/fidelity.md, the load phase).</summary>
    public bool CompatRetry { get; init; } = true;

    /// <summary>How watchers open their streams (SseClientOptions.Transport).</summary>
    public SseTransport SseTransport { get; init; } = SseTransport.Socket;

    /// <summary>The share of every workload's workers this process starts (<c>run --segment I/N</c>); the whole plan by default.</summary>
    public Segment Segment { get; init; } = Segment.Whole;

    /// <summary>How long workers get to stop after the phase ends before they are abandoned.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the time series is sampled.</summary>
    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Matsuri instances (one room each).</summary>
    public int MatsuriInstances { get; init; } = 10;

    /// <summary>A Matsuri instance ends this long before the phase does (it runs for duration minus this).</summary>
    public TimeSpan MatsuriEndsBeforePhase { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The pause after each stroke a Matsuri instance posts.</summary>
    public TimeSpan MatsuriStrokePause { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Time between two waves of joining watchers.</summary>
    public TimeSpan WaveInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Watchers of a wave whose computed size is zero or less (and of the first wave).</summary>
    public int InitialWaveSize { get; init; } = 10;

    /// <summary>Most watchers one instance ever starts (the original's growth allows 10 × 2^10 in 55 s).</summary>
    public int MaxWatchersPerInstance { get; init; } = 10 * 1024;

    /// <summary>
    /// Most watchers open at once over all instances: the bench's own limit, not the server's. By default the process's budget of
    /// sockets (<see cref="SocketBudget"/>) less <see cref="SocketsForOtherRequests"/>, so that pages and posts always find one.
    /// </summary>
    public int MaxOpenWatchers { get; init; } = Math.Max(0, SocketBudget.Process.Capacity - SocketsForOtherRequests);

    /// <summary>Sockets of the budget that watchers leave to every other request of a run.</summary>
    public const int SocketsForOtherRequests = 1_000;

    /// <summary>A stroke received within this time of its POST being sent scores 1 per watcher.</summary>
    public TimeSpan DeliveryScoreWindow { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A stroke created after the watcher joined that arrives later than this after its created_at is an error and the watcher leaves.</summary>
    public TimeSpan MaxDeliveryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>LoadIndexPage workers.</summary>
    public int LoadIndexPageWorkers { get; init; } = 10;

    /// <summary>Times a LoadIndexPage session loads the top page per iteration.</summary>
    public int IndexPageLoads { get; init; } = 3;

    /// <summary>Images of one top page fetched at once (the next page's may start beside a page's last ones).</summary>
    public int ImageConcurrency { get; init; } = 6;

    /// <summary>Pause after a successful LoadIndexPage iteration.</summary>
    public TimeSpan LoadIndexPagePause { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Pause after a failed LoadIndexPage iteration.</summary>
    public TimeSpan LoadIndexPagePauseAfterFailure { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>DrawOnRandomRoom workers.</summary>
    public int DrawOnRandomRoomWorkers { get; init; } = 2;

    /// <summary>The first position of <c>/api/rooms</c> a DrawOnRandomRoom worker may pick (the original skipped the top 20); it picks among [this, 100).</summary>
    public int DrawRoomFirstPosition { get; init; } = 20;

    /// <summary>Pause after each DrawOnRandomRoom iteration, failed or not.</summary>
    public TimeSpan DrawOnRandomRoomPause { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for values no run can use (a wave interval of zero would spin).</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Duration, TimeSpan.Zero, nameof(Duration));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(WaveInterval, TimeSpan.Zero, nameof(WaveInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SampleInterval, TimeSpan.Zero, nameof(SampleInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(MatsuriEndsBeforePhase, TimeSpan.Zero, nameof(MatsuriEndsBeforePhase));
        ArgumentOutOfRangeException.ThrowIfLessThan(MatsuriStrokePause, TimeSpan.Zero, nameof(MatsuriStrokePause));
        ArgumentOutOfRangeException.ThrowIfLessThan(GracePeriod, TimeSpan.Zero, nameof(GracePeriod));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(DeliveryScoreWindow, TimeSpan.Zero, nameof(DeliveryScoreWindow));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxDeliveryDelay, TimeSpan.Zero, nameof(MaxDeliveryDelay));
        foreach (var (name, value) in new[]
                 {
                     (nameof(MatsuriInstances), MatsuriInstances), (nameof(LoadIndexPageWorkers), LoadIndexPageWorkers),
                     (nameof(DrawOnRandomRoomWorkers), DrawOnRandomRoomWorkers), (nameof(IndexPageLoads), IndexPageLoads),
                 })
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, name);
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialWaveSize, 1, nameof(InitialWaveSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxWatchersPerInstance, 0, nameof(MaxWatchersPerInstance));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxOpenWatchers, 0, nameof(MaxOpenWatchers));
        ArgumentOutOfRangeException.ThrowIfLessThan(ImageConcurrency, 1, nameof(ImageConcurrency));
        if (DrawRoomFirstPosition is < 0 or > 99)
        {
            throw new ArgumentOutOfRangeException(nameof(DrawRoomFirstPosition), DrawRoomFirstPosition, "a position of the 100-room list: 0..99");
        }
    }

    /// <summary>How long a Matsuri instance runs for this phase duration.</summary>
    public TimeSpan MatsuriDuration => Duration > MatsuriEndsBeforePhase ? Duration - MatsuriEndsBeforePhase : TimeSpan.Zero;
}
