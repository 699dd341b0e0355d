using IsuBench.Reference.Domain;

namespace IsuBench.Reference.Profiles.Tuned;

/// <summary>A watcher heartbeat to persist: the token watched the room at that time.</summary>
internal readonly record struct WatcherBeat(long RoomId, long TokenId, DateTime At);

/// <summary>
/// One room's push fan-out: its open streams and the heartbeats of its watchers. A stroke is pushed at once as one
/// shared event object to every stream. The watcher count is pushed on the heartbeat tick to every stream that last
/// sent another value: a wave of N joins costs each stream one count event per tick, not N.
/// </summary>
internal sealed class RoomNotifier
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, DateTime> _heartbeats = [];
    private RoomSubscription[] _subscribers = [];

    /// <summary>Open streams of the room.</summary>
    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    /// <summary>True when the room has neither open streams nor live heartbeats (nothing for a tick to do).</summary>
    public bool IsIdle
    {
        get
        {
            lock (_lock) return _subscribers.Length == 0 && _heartbeats.Count == 0;
        }
    }

    /// <summary>
    /// Adds a stream whose watcher's heartbeat is <paramref name="now"/> and returns the count the new stream sends
    /// first; the other streams learn the new count on the next tick. Call under the room's gate, so that no stroke
    /// slips between the history the stream replays and what is pushed to it.
    /// </summary>
    public int Join(RoomSubscription subscription, DateTime now)
    {
        lock (_lock)
        {
            _heartbeats[subscription.TokenId] = now;
            _subscribers = [.. _subscribers, subscription];
            var count = CountLive(now);
            subscription.LastSentCount = count;
            return count;
        }
    }

    /// <summary>Removes a stream; its watcher's heartbeat ages out as for any watcher that left.</summary>
    public void Leave(RoomSubscription subscription)
    {
        lock (_lock) _subscribers = Array.FindAll(_subscribers, s => s != subscription);
    }

    /// <summary>Pushes a stroke to every open stream. Call under the room's gate, after the stroke is stored.</summary>
    public void Publish(StrokeEvent stroke)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers)) subscriber.Offer(stroke);
    }

    /// <summary>
    /// Refreshes the heartbeat of every open stream's watcher (adding each to <paramref name="beats"/> once), forgets
    /// heartbeats older than the window, and pushes the count to every stream that last sent another.
    /// </summary>
    public void Tick(long roomId, DateTime now, List<WatcherBeat> beats)
    {
        lock (_lock)
        {
            foreach (var subscriber in _subscribers)
            {
                if (_heartbeats.TryGetValue(subscriber.TokenId, out var seen) && seen == now) continue;
                _heartbeats[subscriber.TokenId] = now;
                beats.Add(new WatcherBeat(roomId, subscriber.TokenId, now));
            }
            var oldest = now - ContractTimes.WatcherWindow;
            foreach (var (token, seen) in _heartbeats)
            {
                if (seen <= oldest) _heartbeats.Remove(token);
            }
            var count = _heartbeats.Count;
            WatcherCountEvent? changed = null;
            foreach (var subscriber in _subscribers)
            {
                if (subscriber.LastSentCount == count) continue;
                subscriber.Offer(changed ??= new WatcherCountEvent(count));
                subscriber.LastSentCount = count;
            }
        }
    }

    /// <summary>Tokens with a heartbeat younger than the window at <paramref name="now"/>.</summary>
    public int WatcherCount(DateTime now)
    {
        lock (_lock) return CountLive(now);
    }

    /// <summary>Takes over a heartbeat found in the database at startup (the newer one wins).</summary>
    public void Restore(long tokenId, DateTime seen)
    {
        lock (_lock)
        {
            if (!_heartbeats.TryGetValue(tokenId, out var known) || known < seen) _heartbeats[tokenId] = seen;
        }
    }

    /// <summary>Ends every open stream after what is queued (server shutdown).</summary>
    public void CompleteAll()
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers)) subscriber.Complete();
    }

    private int CountLive(DateTime now)
    {
        var oldest = now - ContractTimes.WatcherWindow;
        var count = 0;
        foreach (var seen in _heartbeats.Values)
        {
            if (seen > oldest) count++;
        }
        return count;
    }
}
