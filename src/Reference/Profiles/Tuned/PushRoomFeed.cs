using System.Runtime.CompilerServices;
using IsuBench.Reference.Storage;
using Microsoft.Extensions.Hosting;

namespace IsuBench.Reference.Profiles.Tuned;

/// <summary>
/// The tuned stream: long-lived and pushed. The watcher joins the room's notifier, gets the history after its
/// Last-Event-ID from memory, then every new stroke as it is stored and every change of the watcher count. Its
/// heartbeat counts at once in memory and reaches <c>room_watchers</c> with the next batch of <see cref="WatcherHeartbeats"/>.
/// It ends when the client leaves, when it falls too far behind (it reconnects and resumes), or at shutdown.
/// </summary>
internal sealed class PushRoomFeed(RoomCache rooms, TunedStore store, MicrosecondClock clock, IHostApplicationLifetime lifetime) : IRoomFeed
{
    /// <inheritdoc />
    public async IAsyncEnumerable<RoomFeedEvent> WatchAsync(long roomId, long tokenId, long afterStrokeId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (rooms.Find(roomId) is not { } room) yield break;

        var subscription = new RoomSubscription(tokenId);
        StrokeHistory history;
        int watchers;
        // Under the gate no stroke is being stored: each one is either in this history or pushed to the subscription.
        await room.Gate.WaitAsync(cancellationToken);
        try
        {
            history = await store.HistoryUnderGateAsync(room, cancellationToken);
            watchers = room.Notifier.Join(subscription, clock.UtcNow());
        }
        finally
        {
            room.Gate.Release();
        }

        try
        {
            using var stopping = lifetime.ApplicationStopping.Register(subscription.Complete);
            yield return new WatcherCountEvent(watchers);
            for (var i = history.IndexAfter(afterStrokeId); i < history.Count; i++)
                yield return history.At(i).Event;
            await foreach (var item in subscription.Events.ReadAllAsync(cancellationToken))
            {
                // A client may claim to have seen more than exists yet: it gets only strokes after its id.
                if (item is StrokeEvent stroke && stroke.Stroke.Id <= afterStrokeId) continue;
                yield return item;
            }
        }
        finally
        {
            room.Notifier.Leave(subscription);
        }
    }
}
