using System.Threading.Channels;

namespace IsuBench.Reference.Profiles.Tuned;

/// <summary>
/// One open stream's queue of pushed events, bounded: a watcher that falls <see cref="Capacity"/> events behind is
/// ended instead of buffered without limit. It loses nothing by that: it reconnects with Last-Event-ID and the
/// history fills the gap.
/// </summary>
internal sealed class RoomSubscription(long tokenId)
{
    /// <summary>Events a stream may have waiting before it is ended.</summary>
    public const int Capacity = 256;

    private readonly Channel<RoomFeedEvent> _events = Channel.CreateBounded<RoomFeedEvent>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>The watcher's token.</summary>
    public long TokenId { get; } = tokenId;

    /// <summary>The watcher count this stream last sent (or queued); kept by the room's notifier under its lock.</summary>
    public int LastSentCount { get; set; } = -1;

    /// <summary>Whether the queue overflowed and was closed.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>What the stream sends, in order; ends when the subscription is completed.</summary>
    public ChannelReader<RoomFeedEvent> Events => _events.Reader;

    /// <summary>Queues an event without waiting; a full queue closes the subscription.</summary>
    public void Offer(RoomFeedEvent item)
    {
        if (_events.Writer.TryWrite(item)) return;
        if (_events.Writer.TryComplete()) Overflowed = true;
    }

    /// <summary>Ends the stream after what is queued (server shutdown).</summary>
    public void Complete() => _events.Writer.TryComplete();
}
