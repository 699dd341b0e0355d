using IsuBench.Scenarios.Api;
using IsuBench.Scenarios.Judging;

namespace IsuBench.Scenarios.Workloads;

/// <summary>
/// What the poster and the watchers of one Matsuri instance share: the options, the run's judge, the delivery scoring of this
/// instance's posts, and the run-wide watcher slots and counters. Turns delivery outcomes into points, statistics and errors,
/// and hands each (duplicates aside) to <paramref name="observe"/> when given (the gate workload tallies them by step).
/// </summary>
public sealed class MatsuriRoom(LoadOptions options, Judge judge, WatcherSlots slots, MatsuriCounters counters, Action<DeliveryOutcome>? observe = null)
{
    private readonly DeliveryScoring _scoring = new(options.DeliveryScoreWindow, pendingHorizon: TimeSpan.FromSeconds(30));

    /// <summary>How the room's stroke events read, shared by its watchers (each event parsed once).</summary>
    public StrokeEventReadings Strokes { get; } = new(Endpoints.Stream);

    /// <summary>The phase's options.</summary>
    public LoadOptions Options => options;

    /// <summary>The run's judge.</summary>
    public Judge Judge => judge;

    /// <summary>The requests of the room's poster and watchers, judged by the run's judge.</summary>
    internal JudgedRequests Requests { get; } = JudgedRequests.ForLoad(judge);

    /// <summary>The bench's ceiling on open watchers.</summary>
    public WatcherSlots Slots => slots;

    /// <summary>The run's Matsuri counters.</summary>
    public MatsuriCounters Counters => counters;

    /// <summary>A stroke this instance posted: judges the receipts that were waiting for it.</summary>
    public void Posted(long strokeId, DateTimeOffset sentAt, int pointCount)
    {
        counters.StrokePosted();
        foreach (var outcome in _scoring.RecordPost(strokeId, sentAt, pointCount))
        {
            Apply(outcome);
        }
        _scoring.DropStale(judge.Metrics.Clock.UtcNow);
    }

    /// <summary>A stroke a watcher received.</summary>
    public void Receive(StrokeReceipt receipt)
    {
        if (_scoring.RecordReceipt(receipt) is { } outcome)
        {
            Apply(outcome);
        }
    }

    private void Apply(DeliveryOutcome outcome)
    {
        counters.Count(outcome.Status);
        if (outcome.Status == DeliveryStatus.Duplicate)
        {
            return;
        }
        observe?.Invoke(outcome);
        if (outcome.IsLive)
        {
            judge.Metrics.Delivery.Record(outcome.Latency);
        }
        switch (outcome.Status)
        {
            case DeliveryStatus.Scored:
                judge.StrokeDelivered();
                break;
            case DeliveryStatus.PointMismatch:
                judge.Record(outcome.PointCount!);
                break;
        }
    }
}
