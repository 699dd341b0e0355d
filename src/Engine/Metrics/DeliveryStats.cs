namespace IsuBench.Engine.Metrics;

/// <summary>SSE delivery latency: time from a stroke's POST being sent to a watcher receiving it.</summary>
public sealed class DeliveryStats
{
    private readonly LatencyHistogram _latency = new();

    /// <summary>Records one delivery.</summary>
    public void Record(TimeSpan latency)
    {
        _latency.Record(latency);
        BenchInstruments.Delivery(latency);
    }

    /// <summary>Deliveries per latency bucket (see <see cref="LatencyHistogram.CountBuckets"/>).</summary>
    public IReadOnlyList<long> CountBuckets(IReadOnlyList<TimeSpan> upperBounds) => _latency.CountBuckets(upperBounds);

    /// <summary>Every delivery so far as an encoded histogram (<see cref="LatencyHistogram.Encode"/>).</summary>
    public string EncodedHistogram() => _latency.Encode();

    /// <summary>The percentiles of every delivery so far.</summary>
    public LatencySnapshot Snapshot() => _latency.Snapshot();
}
