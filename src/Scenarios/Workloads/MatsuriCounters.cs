namespace IsuBench.Scenarios.Workloads;

/// <summary>What the Matsuri instances of a run did, for the result and the tests; thread-safe.</summary>
public sealed class MatsuriCounters
{
    private long _roomsCreated, _strokesPosted, _watchersStarted, _watchersLeftEarly, _watchersRefused, _scored, _late, _mismatched, _peakOpen;

    /// <summary>Rooms the instances created.</summary>
    public long RoomsCreated => Interlocked.Read(ref _roomsCreated);

    /// <summary>Strokes posted successfully.</summary>
    public long StrokesPosted => Interlocked.Read(ref _strokesPosted);

    /// <summary>Watchers started.</summary>
    public long WatchersStarted => Interlocked.Read(ref _watchersStarted);

    /// <summary>Watchers that left before the end of their instance because of an error.</summary>
    public long WatchersLeftEarly => Interlocked.Read(ref _watchersLeftEarly);

    /// <summary>Watchers not started or dropped because the bench reached its own limit.</summary>
    public long WatchersRefused => Interlocked.Read(ref _watchersRefused);

    /// <summary>Received strokes that scored.</summary>
    public long DeliveriesScored => Interlocked.Read(ref _scored);

    /// <summary>Received strokes of our own posts that arrived after the score window.</summary>
    public long DeliveriesLate => Interlocked.Read(ref _late);

    /// <summary>Received strokes with a number of points other than posted.</summary>
    public long DeliveriesMismatched => Interlocked.Read(ref _mismatched);

    /// <summary>Most watchers holding a slot at once.</summary>
    public long PeakOpenWatchers => Interlocked.Read(ref _peakOpen);

    internal void RoomCreated() => Interlocked.Increment(ref _roomsCreated);
    internal void StrokePosted() => Interlocked.Increment(ref _strokesPosted);
    internal void WatcherStarted() => Interlocked.Increment(ref _watchersStarted);
    internal void WatcherLeftEarly() => Interlocked.Increment(ref _watchersLeftEarly);
    internal void WatcherRefused() => Interlocked.Increment(ref _watchersRefused);

    internal void Count(DeliveryStatus status)
    {
        switch (status)
        {
            case DeliveryStatus.Scored: Interlocked.Increment(ref _scored); break;
            case DeliveryStatus.Late: Interlocked.Increment(ref _late); break;
            case DeliveryStatus.PointMismatch: Interlocked.Increment(ref _mismatched); break;
        }
    }

    internal void ObserveOpen(long open)
    {
        long peak;
        while (open > (peak = Interlocked.Read(ref _peakOpen)) && Interlocked.CompareExchange(ref _peakOpen, open, peak) != peak)
        {
        }
    }

    /// <summary>A copy of the counters.</summary>
    public MatsuriSummary Snapshot() => new(RoomsCreated, StrokesPosted, WatchersStarted, WatchersLeftEarly, WatchersRefused,
        DeliveriesScored, DeliveriesLate, DeliveriesMismatched, PeakOpenWatchers);
}
