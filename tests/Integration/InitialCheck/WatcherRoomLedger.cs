namespace IsuBench.Integration.InitialCheck;

/// <summary>
/// Keeps the watcher checks of whole-suite runs against one reference apart, so that the runs may overlap. A watcher counts
/// while its stream is open and for the 3 s heartbeat window after: two checks watching the same room close together would
/// count each other's watchers, and a wrong <c>watcher_count</c> would be caught (or a right one failed) by accident rather
/// than by the check. A run through a proxy holds a room from before its first stream there reaches the reference until its
/// last stream there ended a quiet time ago (<see cref="WatcherRoomClaim"/>); a stream into a room another run holds is
/// refused, and the refused run is void. A run straight at the reference, whose streams no proxy sees, holds the whole
/// reference instead.
/// </summary>
public sealed class WatcherRoomLedger
{
    /// <summary>
    /// How long a watcher still counts after it left (the 3 s heartbeat window) plus a margin (a poll of the baseline's stream
    /// may refresh its heartbeat once more before it notices the watcher left): a room, or the whole reference, stays held
    /// this long after the streams that watched it ended.
    /// </summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3.5);

    private readonly Lock _lock = new();
    private readonly Dictionary<long, HeldRoom> _rooms = [];
    private int _openClaims;
    private bool _alone;
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Opens a claim that holds rooms one by one; waits while a run holds (or waits to hold) the whole reference.</summary>
    public async Task<WatcherRoomClaim> OpenAsync(CancellationToken cancellationToken)
    {
        await WaitUntilAsync(() =>
        {
            if (_alone) return false;
            _openClaims++;
            return true;
        }, cancellationToken);
        return new WatcherRoomClaim(this, wholeReference: false);
    }

    /// <summary>Holds the whole reference: keeps new claims out, then waits until every open one is released.</summary>
    public async Task<WatcherRoomClaim> HoldAloneAsync(CancellationToken cancellationToken)
    {
        await WaitUntilAsync(() =>
        {
            if (_alone) return false;
            _alone = true;
            return true;
        }, cancellationToken);
        try
        {
            await WaitUntilAsync(() => _openClaims == 0, cancellationToken);
            return new WatcherRoomClaim(this, wholeReference: true);
        }
        catch (OperationCanceledException)
        {
            lock (_lock)
            {
                _alone = false;
                Signal();
            }
            throw;
        }
    }

    /// <summary>Completes once no run holds <paramref name="roomId"/>.</summary>
    public Task WhenFreeAsync(long roomId, CancellationToken cancellationToken) =>
        WaitUntilAsync(() => !_rooms.ContainsKey(roomId), cancellationToken);

    /// <summary>
    /// Holds <paramref name="roomId"/> for one more stream of <paramref name="claim"/>; null when it may, else the claim that holds it.
    /// </summary>
    internal WatcherRoomClaim? TryHold(WatcherRoomClaim claim, long roomId)
    {
        lock (_lock)
        {
            if (!_rooms.TryGetValue(roomId, out var room)) _rooms[roomId] = room = new HeldRoom(claim);
            else if (room.Holder != claim) return room.Holder;
            room.Streams++;
            room.Version++;
            return null;
        }
    }

    /// <summary>One stream of the room's holder ended: the room is free after the quiet time unless another starts first.</summary>
    internal void StreamEnded(long roomId)
    {
        int version;
        lock (_lock)
        {
            var room = _rooms[roomId];
            if (--room.Streams > 0) return;
            version = ++room.Version;
        }
        _ = FreeAfterQuietAsync(roomId, version);
    }

    /// <summary>Lets go of everything <paramref name="claim"/> held (its streams have all ended a quiet time ago).</summary>
    internal void Release(WatcherRoomClaim claim)
    {
        lock (_lock)
        {
            var idle = _rooms.Where(r => r.Value.Holder == claim && r.Value.Streams == 0).Select(r => r.Key).ToList();
            foreach (var room in idle) _rooms.Remove(room);
            if (claim.WholeReference) _alone = false;
            else _openClaims--;
            Signal();
        }
    }

    private async Task FreeAfterQuietAsync(long roomId, int version)
    {
        await Task.Delay(Quiet);
        lock (_lock)
        {
            // A stream that started (and maybe ended) since made a newer version, which frees the room itself.
            if (!_rooms.TryGetValue(roomId, out var room) || room.Version != version) return;
            _rooms.Remove(roomId);
            Signal();
        }
    }

    private async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (condition()) return;
                changed = _changed.Task;
            }
            await changed.WaitAsync(cancellationToken);
        }
    }

    // Wakes every waiter; each looks again under the lock.
    private void Signal()
    {
        var changed = _changed;
        _changed = NewSignal();
        changed.SetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A room, the claim that holds it, its streams open now, and a version that every stream's start and end moves.</summary>
    private sealed class HeldRoom(WatcherRoomClaim holder)
    {
        public WatcherRoomClaim Holder { get; } = holder;

        public int Streams { get; set; }

        public int Version { get; set; }
    }
}
