using IsuBench.Scenarios.Workloads;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Tests.Scenarios.Workloads;

/// <summary>The 2 s scoring rule of a Matsuri instance, driven by a fake clock.</summary>
public sealed class DeliveryScoringTests
{
    private readonly FakeClock _clock = new();
    private readonly DeliveryScoring _scoring = new(TimeSpan.FromSeconds(2), pendingHorizon: TimeSpan.FromSeconds(30));

    private StrokeReceipt Receipt(int watcher, long stroke, int points, DateTimeOffset? joinedAt = null) =>
        new(watcher, stroke, points, _clock.UtcNow, joinedAt ?? _clock.UtcNow.AddMinutes(-1));

    [Fact]
    public void A_stroke_received_less_than_2_s_after_its_post_was_sent_scores_and_later_does_not()
    {
        var sentAt = _clock.UtcNow;
        _clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.Empty(_scoring.RecordPost(7, sentAt, pointCount: 3));

        _clock.Advance(TimeSpan.FromMilliseconds(1699));
        var inTime = _scoring.RecordReceipt(Receipt(1, 7, 3));
        Assert.Equal(DeliveryStatus.Scored, inTime!.Status);
        Assert.Equal(TimeSpan.FromMilliseconds(1999), inTime.Latency);

        // At 2 s exactly it no longer scores: the original compared strictly.
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(DeliveryStatus.Late, _scoring.RecordReceipt(Receipt(2, 7, 3))!.Status);
    }

    [Fact]
    public void A_receipt_that_arrives_before_the_post_answer_waits_and_is_classified_from_the_send_time()
    {
        var sentAt = _clock.UtcNow;
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Null(_scoring.RecordReceipt(Receipt(1, 9, 4)));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(_scoring.RecordReceipt(Receipt(2, 9, 4)));
        Assert.Equal(2, _scoring.PendingCount);

        // The POST's answer comes 3 s after it was sent; the receipts are classified against its send time.
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        var outcomes = _scoring.RecordPost(9, sentAt, 4);
        Assert.Equal([DeliveryStatus.Scored, DeliveryStatus.Late], outcomes.Select(o => o.Status));
        Assert.Equal(0, _scoring.PendingCount);
    }

    [Fact]
    public void A_different_number_of_points_is_a_mismatch_and_a_repeat_counts_once()
    {
        var sentAt = _clock.UtcNow;
        _scoring.RecordPost(3, sentAt, 5);
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(DeliveryStatus.PointMismatch, _scoring.RecordReceipt(Receipt(1, 3, 4))!.Status);
        Assert.Equal(DeliveryStatus.Scored, _scoring.RecordReceipt(Receipt(2, 3, 5))!.Status);
        Assert.Equal(DeliveryStatus.Duplicate, _scoring.RecordReceipt(Receipt(2, 3, 5))!.Status);
    }

    [Fact]
    public void Only_posts_sent_after_the_watcher_joined_are_live_deliveries()
    {
        var joined = _clock.UtcNow;
        _scoring.RecordPost(1, joined.AddMilliseconds(-10), 1);
        _scoring.RecordPost(2, joined, 1);
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.False(_scoring.RecordReceipt(Receipt(1, 1, 1, joined))!.IsLive);
        Assert.True(_scoring.RecordReceipt(Receipt(1, 2, 1, joined))!.IsLive);
    }

    [Fact]
    public void Receipts_of_strokes_never_recorded_as_posted_are_dropped_after_the_horizon()
    {
        Assert.Null(_scoring.RecordReceipt(Receipt(1, 100, 2)));
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Null(_scoring.RecordReceipt(Receipt(1, 101, 2)));
        Assert.Equal(0, _scoring.DropStale(_clock.UtcNow));

        _clock.Advance(TimeSpan.FromSeconds(10.001));
        Assert.Equal(1, _scoring.DropStale(_clock.UtcNow));
        Assert.Equal(1, _scoring.PendingCount);
        // A dropped receipt is gone: its late POST finds nobody waiting.
        Assert.Empty(_scoring.RecordPost(100, _clock.UtcNow, 2));
    }

    [Fact]
    public void A_tuned_window_replaces_the_2_s()
    {
        var scoring = new DeliveryScoring(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));
        scoring.RecordPost(1, _clock.UtcNow, 1);
        _clock.Advance(TimeSpan.FromMilliseconds(600));
        Assert.Equal(DeliveryStatus.Late, scoring.RecordReceipt(Receipt(1, 1, 1))!.Status);
    }
}
