namespace IsuBench.Integration.InitialCheck;

/// <summary>
/// What one whole-suite run holds in a <see cref="WatcherRoomLedger"/>: the rooms its watchers stream from, each from its
/// first stream until <see cref="WatcherRoomLedger.Quiet"/> after its last, or the whole reference until the quiet time after the run.
/// </summary>
public sealed class WatcherRoomClaim
{
    private readonly WatcherRoomLedger _ledger;
    private readonly CancellationTokenSource _refused = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private int _releasing;
    private long? _refusedRoom;

    internal WatcherRoomClaim(WatcherRoomLedger ledger, bool wholeReference)
    {
        _ledger = ledger;
        WholeReference = wholeReference;
    }

    /// <summary>True when the claim holds the whole reference rather than room by room.</summary>
    public bool WholeReference { get; }

    /// <summary>Cancelled when a stream of this run was refused: the run is void, and going on would only cost time.</summary>
    public CancellationToken Refused => _refused.Token;

    /// <summary>The first room this run's watchers were refused (another run held it), or null while none was.</summary>
    public long? RefusedRoom
    {
        get
        {
            lock (_lock) return _refusedRoom;
        }
    }

    /// <summary>Completes when this claim has let go of what it held.</summary>
    public Task Released => _released.Task;

    /// <summary>
    /// Holds <paramref name="roomId"/> for a stream about to go to the reference, until the returned hold is disposed (the
    /// stream ended) and the quiet time passed; null when another run holds the room, which makes this run void (<see cref="Refused"/>).
    /// </summary>
    public IDisposable? TryHoldStream(long roomId)
    {
        if (_ledger.TryHold(this, roomId) is null) return new StreamHold(_ledger, roomId);
        lock (_lock) _refusedRoom ??= roomId;
        _refused.Cancel();
        return null;
    }

    /// <summary>Lets go after the quiet time, in the background: the run's result does not wait for it, the next holder does.</summary>
    public void ReleaseAfterQuiet()
    {
        if (Interlocked.Exchange(ref _releasing, 1) == 1) return;
        _ = Task.Run(async () =>
        {
            await Task.Delay(WatcherRoomLedger.Quiet);
            _ledger.Release(this);
            _released.SetResult();
        });
    }

    /// <summary>One stream's hold on its room; disposing it says the stream ended.</summary>
    private sealed class StreamHold(WatcherRoomLedger ledger, long roomId) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0) ledger.StreamEnded(roomId);
        }
    }
}
