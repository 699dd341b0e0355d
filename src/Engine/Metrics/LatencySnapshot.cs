namespace IsuBench.Engine.Metrics;

/// <summary>Percentiles of a latency histogram, in milliseconds.</summary>
public sealed record LatencySnapshot(long Count, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs)
{
    /// <summary>The snapshot of a histogram that recorded nothing.</summary>
    public static readonly LatencySnapshot Empty = new(0, 0, 0, 0, 0, 0);
}
