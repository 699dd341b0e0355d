using IsuBench.Checks.Documents.Api;
using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Engine.Execution;

namespace IsuBench.Scenarios.Workloads;

/// <summary>
/// Where one Matsuri watcher stands: when it joined, whether it has received a stroke, whether it left (and whether
/// because the bench ran out of capacity). Applies the 5 s leave rule: a stroke created after the watcher joined that
/// arrives later than the limit after its <c>created_at</c> makes the watcher leave. Thread-safe reads for the wave rule.
/// </summary>
internal sealed class WatcherState(int id, IClock clock, TimeSpan maxDeliveryDelay)
{
    private int _received;
    private int _left;
    private int _leftForCapacity;

    /// <summary>The watcher's number within its instance.</summary>
    public int Id { get; } = id;

    /// <summary>When the watcher opened its stream (the clock's time at <see cref="MarkJoined"/>); null before.</summary>
    public DateTimeOffset? JoinedAt { get; private set; }

    /// <summary>True once a stroke has arrived.</summary>
    public bool HasReceivedStroke => Volatile.Read(ref _received) != 0;

    /// <summary>True once the watcher left (error, end of the instance, or bench capacity).</summary>
    public bool HasLeft => Volatile.Read(ref _left) != 0;

    /// <summary>True when the watcher left because the bench, not the server, ran out of capacity.</summary>
    public bool LeftForCapacity => Volatile.Read(ref _leftForCapacity) != 0;

    /// <summary>Received a stroke and still in the room: the watchers that make the next wave grow.</summary>
    public bool IsReceiving => HasReceivedStroke && !HasLeft;

    /// <summary>Notes the moment the watcher joins (just before its stream opens).</summary>
    public void MarkJoined() => JoinedAt = clock.UtcNow;

    /// <summary>Takes note of a stroke received at <paramref name="receivedAt"/>; a failed verdict means the watcher has left.</summary>
    public Verdict OnStroke(ApiStroke stroke, DateTimeOffset receivedAt, string request)
    {
        Volatile.Write(ref _received, 1);
        var verdict = StreamRules.DeliveredInTime(stroke, JoinedAt ?? clock.UtcNow, receivedAt, request, maxDeliveryDelay);
        if (!verdict.Passed)
        {
            Leave();
        }
        return verdict;
    }

    /// <summary>The watcher leaves the room (idempotent).</summary>
    public void Leave() => Volatile.Write(ref _left, 1);

    /// <summary>The watcher leaves because the bench reached its own limit.</summary>
    public void LeaveForCapacity()
    {
        Volatile.Write(ref _leftForCapacity, 1);
        Leave();
    }
}
