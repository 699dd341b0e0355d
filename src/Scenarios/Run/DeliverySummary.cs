using IsuBench.Engine.Metrics;

namespace IsuBench.Scenarios.Run;

/// <summary>SSE delivery latency of a run: percentiles and a histogram by fixed bounds.</summary>
public sealed record DeliverySummary(LatencySnapshot Latency, IReadOnlyList<DeliveryBucket> Histogram)
{
    /// <summary>The bucket bounds: around the 2 s scoring limit and the 5 s leave limit of docs/contract.md §2.4.</summary>
    public static readonly IReadOnlyList<TimeSpan> Bounds =
    [
        TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250),
        TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5),
    ];

    /// <summary>Summarises the deliveries recorded in <paramref name="stats"/>.</summary>
    public static DeliverySummary From(DeliveryStats stats)
    {
        var counts = stats.CountBuckets(Bounds);
        var buckets = new List<DeliveryBucket>(counts.Count);
        for (int i = 0; i < counts.Count; i++)
            buckets.Add(new DeliveryBucket(i < Bounds.Count ? Bounds[i] : null, counts[i]));
        return new DeliverySummary(stats.Snapshot(), buckets);
    }
}
