using IsuBench.Reference.Domain;

namespace IsuBench.Reference.Profiles;

/// <summary>What one SSE watcher of a room receives; each profile decides how (polling or push) and for how long.</summary>
internal interface IRoomFeed
{
    /// <summary>
    /// Records the watcher's heartbeat and yields the watcher count first, then every stroke after
    /// <paramref name="afterStrokeId"/> in id order, new strokes and count changes, until the feed ends or is cancelled.
    /// The token and room have been checked by the caller.
    /// </summary>
    IAsyncEnumerable<RoomFeedEvent> WatchAsync(long roomId, long tokenId, long afterStrokeId, CancellationToken cancellationToken);
}

/// <summary>One item of a room's feed.</summary>
internal abstract record RoomFeedEvent;

/// <summary>The number of tokens watching the room changed (or is told for the first time).</summary>
internal sealed record WatcherCountEvent(int Count) : RoomFeedEvent;

/// <summary>A stroke of the room, with its points.</summary>
internal sealed record StrokeEvent(Stroke Stroke) : RoomFeedEvent
{
    /// <summary>The stroke's API JSON in UTF-8 when a feed serialized it once for all its watchers; null means serialize per stream.</summary>
    public byte[]? Utf8Json { get; init; }
}
