using System.Runtime.CompilerServices;

namespace IsuBench.Reference.Profiles.Baseline;

/// <summary>
/// The original stream: poll the database every 500 ms, six times, then end and let the client reconnect with
/// Last-Event-ID. Each poll sends new strokes, refreshes the heartbeat and reports a changed watcher count.
/// </summary>
internal sealed class PollingRoomFeed(BaselineStore store, TimeProvider timeProvider) : IRoomFeed
{
    /// <summary>Pause between polls.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Polls per response before it ends.</summary>
    public const int PollsPerResponse = 6;

    /// <inheritdoc />
    public async IAsyncEnumerable<RoomFeedEvent> WatchAsync(long roomId, long tokenId, long afterStrokeId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await store.TouchWatcherAsync(roomId, tokenId, cancellationToken);
        var watchers = await store.CountWatchersAsync(roomId, cancellationToken);
        yield return new WatcherCountEvent(watchers);

        var lastStrokeId = afterStrokeId;
        for (var poll = 0; poll < PollsPerResponse; poll++)
        {
            await Task.Delay(PollInterval, timeProvider, cancellationToken);
            foreach (var stroke in await store.GetStrokesAfterAsync(roomId, lastStrokeId, cancellationToken))
            {
                yield return new StrokeEvent(stroke);
                lastStrokeId = stroke.Id;
            }
            await store.TouchWatcherAsync(roomId, tokenId, cancellationToken);
            var now = await store.CountWatchersAsync(roomId, cancellationToken);
            if (now != watchers)
            {
                watchers = now;
                yield return new WatcherCountEvent(watchers);
            }
        }
    }
}
