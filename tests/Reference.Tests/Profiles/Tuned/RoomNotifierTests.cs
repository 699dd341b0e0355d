using IsuBench.Reference.Domain;
using IsuBench.Reference.Profiles;
using IsuBench.Reference.Profiles.Tuned;

namespace IsuBench.Tests.Reference.Profiles.Tuned;

public sealed class RoomNotifierTests
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static StrokeEvent StrokeEvent(long id) =>
        new CachedStroke(new Stroke(id, 1, 10, 1, 2, 3, 0.5, Start, [new Point(id * 10, id, 1, 2)])).Event;

    private static List<RoomFeedEvent> Drain(RoomSubscription subscription)
    {
        var items = new List<RoomFeedEvent>();
        while (subscription.Events.TryRead(out var item)) items.Add(item);
        return items;
    }

    [Fact]
    public void A_published_stroke_reaches_every_stream_as_one_shared_event_serialized_once()
    {
        var notifier = new RoomNotifier();
        var streams = Enumerable.Range(1, 3).Select(token => new RoomSubscription(token)).ToList();
        foreach (var stream in streams) notifier.Join(stream, Start);
        foreach (var stream in streams) Drain(stream);

        var stroke = StrokeEvent(7);
        notifier.Publish(stroke);

        Assert.All(streams, stream => Assert.Same(stroke, Assert.Single(Drain(stream))));
        Assert.NotNull(stroke.Utf8Json);
        Assert.Contains("\"id\":7", System.Text.Encoding.UTF8.GetString(stroke.Utf8Json!));
    }

    [Fact]
    public void A_joining_watcher_gets_the_count_first_and_the_others_are_told_the_change_once_per_tick()
    {
        var notifier = new RoomNotifier();
        var first = new RoomSubscription(1);
        notifier.Join(first, Start);
        var joiners = Enumerable.Range(2, 5).Select(token => new RoomSubscription(token)).ToList();

        Assert.Equal([2, 3, 4, 5, 6], joiners.Select(joiner => notifier.Join(joiner, Start.AddMilliseconds(100))));
        Assert.Empty(Drain(first)); // a wave of joins is not one event per join
        notifier.Tick(1, Start.AddMilliseconds(400), []);

        Assert.Equal(6, Assert.IsType<WatcherCountEvent>(Assert.Single(Drain(first))).Count);
        Assert.Equal([1, 1, 1, 1, 0], joiners.Select(joiner => Drain(joiner).Count)); // the last already sent 6 itself
        notifier.Tick(1, Start.AddMilliseconds(800), []);
        Assert.Empty(Drain(first)); // unchanged: nothing more
    }

    [Fact]
    public void The_same_token_on_two_streams_counts_once()
    {
        var notifier = new RoomNotifier();
        notifier.Join(new RoomSubscription(5), Start);
        Assert.Equal(1, notifier.Join(new RoomSubscription(5), Start));
    }

    [Fact]
    public void A_watcher_that_left_counts_until_its_heartbeat_is_three_seconds_old_then_the_count_is_pushed()
    {
        var notifier = new RoomNotifier();
        var staying = new RoomSubscription(1);
        var leaving = new RoomSubscription(2);
        notifier.Join(staying, Start);
        notifier.Join(leaving, Start);
        notifier.Leave(leaving);

        var beats = new List<WatcherBeat>();
        notifier.Tick(42, Start.AddSeconds(2.9), beats);
        Assert.Equal(2, notifier.WatcherCount(Start.AddSeconds(2.9)));
        Assert.Equal(2, Assert.IsType<WatcherCountEvent>(Assert.Single(Drain(staying))).Count); // the other's join
        Assert.Equal([new WatcherBeat(42, 1, Start.AddSeconds(2.9))], beats); // only the open stream's heartbeat is refreshed

        notifier.Tick(42, Start.AddSeconds(3), beats);
        Assert.Equal(1, notifier.WatcherCount(Start.AddSeconds(3)));
        Assert.Equal(1, Assert.IsType<WatcherCountEvent>(Assert.Single(Drain(staying))).Count);
    }

    [Fact]
    public void Heartbeats_found_in_the_database_count_until_they_age_out()
    {
        var notifier = new RoomNotifier();
        notifier.Restore(9, Start);
        notifier.Restore(9, Start.AddSeconds(-10)); // an older one does not win
        Assert.Equal(1, notifier.WatcherCount(Start.AddSeconds(2.5)));
        Assert.Equal(0, notifier.WatcherCount(Start.AddSeconds(3)));
        Assert.False(notifier.IsIdle);
        notifier.Tick(1, Start.AddSeconds(3), []);
        Assert.True(notifier.IsIdle);
    }

    [Fact]
    public async Task A_stream_that_falls_too_far_behind_is_ended_and_the_others_keep_receiving()
    {
        var notifier = new RoomNotifier();
        var slow = new RoomSubscription(1);
        var fast = new RoomSubscription(2);
        notifier.Join(slow, Start);
        notifier.Join(fast, Start);
        Drain(slow);
        Drain(fast);

        for (var id = 1; id <= RoomSubscription.Capacity + 10; id++)
        {
            notifier.Publish(StrokeEvent(id));
            Drain(fast);
        }

        Assert.True(slow.Overflowed);
        Assert.False(fast.Overflowed);
        var queued = new List<RoomFeedEvent>();
        await foreach (var item in slow.Events.ReadAllAsync()) queued.Add(item); // ends: the stream closes after its queue
        Assert.Equal(RoomSubscription.Capacity, queued.Count);
        notifier.Publish(StrokeEvent(1000));
        Assert.Single(Drain(fast));
    }

    [Fact]
    public async Task Completing_all_ends_every_stream_after_what_is_queued()
    {
        var notifier = new RoomNotifier();
        var stream = new RoomSubscription(1);
        notifier.Join(stream, Start);
        notifier.Publish(StrokeEvent(1));
        notifier.CompleteAll();

        var items = new List<RoomFeedEvent>();
        await foreach (var item in stream.Events.ReadAllAsync()) items.Add(item);
        Assert.Single(items);
        Assert.False(stream.Overflowed);
    }
}
