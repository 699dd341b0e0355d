using IsuBench.Checks.Verdicts;

namespace IsuBench.Scenarios.Workloads;

/// <summary>A receipt matched to its POST: its status (scored, late, ...), when the POST was sent, how many points it sent, and the delivery latency.</summary>
public sealed record DeliveryOutcome(StrokeReceipt Receipt, DeliveryStatus Status, DateTimeOffset PostSentAt, int PostedPoints)
{
    /// <summary>The failed point-count verdict of a <see cref="DeliveryStatus.PointMismatch"/>.</summary>
    public IsuBench.Checks.Verdicts.Verdict? PointCount { get; init; }

    /// <summary>Time from the POST being sent to the watcher receiving the stroke.</summary>
    public TimeSpan Latency => Receipt.ReceivedAt - PostSentAt;

    /// <summary>True when the POST was sent after the watcher joined: a live delivery rather than the room's history.</summary>
    public bool IsLive => PostSentAt >= Receipt.JoinedAt;
}
