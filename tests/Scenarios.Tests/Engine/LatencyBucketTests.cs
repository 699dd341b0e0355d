using IsuBench.Engine.Metrics;

namespace IsuBench.Tests.Scenarios.Engine;

public sealed class LatencyBucketTests
{
    private static readonly IReadOnlyList<TimeSpan> Bounds = [TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2)];

    [Fact]
    public void Each_duration_lands_in_the_first_bucket_whose_bound_it_does_not_exceed()
    {
        var histogram = new LatencyHistogram();
        foreach (var ms in new[] { 0, 1, 99, 100, 101, 1999, 2000, 2001, 60_000 })
            histogram.Record(TimeSpan.FromMilliseconds(ms));
        // 100 ms and 2000 ms exactly are "within" their bound; 101 ms and 2001 ms are past it.
        Assert.Equal([4L, 3L, 2L], histogram.CountBuckets(Bounds));
    }

    [Fact]
    public void An_empty_histogram_has_empty_buckets() =>
        Assert.Equal([0L, 0L, 0L], new LatencyHistogram().CountBuckets(Bounds));

    [Fact]
    public void Buckets_count_every_recording()
    {
        var stats = new DeliveryStats();
        var random = new Random(3);
        for (int i = 0; i < 5000; i++) stats.Record(TimeSpan.FromMicroseconds(random.Next(0, 10_000_000)));
        Assert.Equal(5000, stats.CountBuckets(Bounds).Sum());
        Assert.Equal(5000, stats.Snapshot().Count);
    }
}
