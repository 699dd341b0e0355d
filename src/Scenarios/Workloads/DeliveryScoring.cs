using IsuBench.Checks.Rules;
using IsuBench.Scenarios.Api;
using IsuBench.Scenarios.Judging;

namespace IsuBench.Scenarios.Workloads;

/// <summary>
/// The 2 s scoring rule of one Matsuri instance: matches the strokes its watchers receive to the strokes it posted.
/// A stroke may reach a watcher before its POST's response tells the poster the stroke's id, so such receipts wait
/// until the POST is recorded; receipts whose POST never gets recorded (not ours, or the POST failed) are dropped once
/// older than <paramref name="pendingHorizon"/>, so nothing grows without bound. Thread-safe; no clock of its own.
/// </summary>
public sealed class DeliveryScoring(TimeSpan scoreWindow, TimeSpan pendingHorizon)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, (DateTimeOffset SentAt, int Points)> _posts = [];
    private readonly Dictionary<long, List<StrokeReceipt>> _pending = [];
    private readonly HashSet<(int Watcher, long Stroke)> _classified = [];

    /// <summary>Receipts waiting for their POST.</summary>
    public int PendingCount
    {
        get
        {
            lock (_lock)
            {
                return _pending.Values.Sum(list => list.Count);
            }
        }
    }

    /// <summary>Records a stroke this instance posted (its POST succeeded) and classifies the receipts that were waiting for it.</summary>
    public IReadOnlyList<DeliveryOutcome> RecordPost(long strokeId, DateTimeOffset sentAt, int pointCount)
    {
        lock (_lock)
        {
            _posts[strokeId] = (sentAt, pointCount);
            if (!_pending.Remove(strokeId, out var waiting))
            {
                return [];
            }
            var outcomes = new List<DeliveryOutcome>(waiting.Count);
            foreach (var receipt in waiting)
            {
                outcomes.Add(Classify(receipt, sentAt, pointCount));
            }
            return outcomes;
        }
    }

    /// <summary>Records a stroke a watcher received: its outcome when the POST is known, else null (it waits).</summary>
    public DeliveryOutcome? RecordReceipt(StrokeReceipt receipt)
    {
        lock (_lock)
        {
            if (_posts.TryGetValue(receipt.StrokeId, out var post))
            {
                return Classify(receipt, post.SentAt, post.Points);
            }
            if (!_pending.TryGetValue(receipt.StrokeId, out var list))
            {
                _pending[receipt.StrokeId] = list = [];
            }
            list.Add(receipt);
            return null;
        }
    }

    /// <summary>Drops waiting receipts that arrived more than the horizon before <paramref name="now"/>; returns how many.</summary>
    public int DropStale(DateTimeOffset now)
    {
        lock (_lock)
        {
            int dropped = 0;
            foreach (var strokeId in _pending.Keys.ToList())
            {
                var list = _pending[strokeId];
                dropped += list.RemoveAll(receipt => now - receipt.ReceivedAt > pendingHorizon);
                if (list.Count == 0)
                {
                    _pending.Remove(strokeId);
                }
            }
            return dropped;
        }
    }

    private DeliveryOutcome Classify(StrokeReceipt receipt, DateTimeOffset sentAt, int postedPoints)
    {
        if (!_classified.Add((receipt.WatcherId, receipt.StrokeId)))
        {
            return new DeliveryOutcome(receipt, DeliveryStatus.Duplicate, sentAt, postedPoints);
        }
        var points = StreamRules.PointCountMatches(postedPoints, receipt.StrokeId, receipt.PointCount, Endpoints.Stream);
        if (!points.Passed)
        {
            return new DeliveryOutcome(receipt, DeliveryStatus.PointMismatch, sentAt, postedPoints) { PointCount = points };
        }
        var scored = ScoringRules.ScoresDelivery(sentAt, receipt.ReceivedAt, scoreWindow);
        return new DeliveryOutcome(receipt, scored ? DeliveryStatus.Scored : DeliveryStatus.Late, sentAt, postedPoints);
    }
}
