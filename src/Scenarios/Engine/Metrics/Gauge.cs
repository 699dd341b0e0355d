namespace IsuBench.Scenarios.Engine.Metrics;

/// <summary>A thread-safe up/down counter, e.g. connected watchers.</summary>
public sealed class Gauge
{
    private long _value;

    /// <summary>The current value.</summary>
    public long Value => Interlocked.Read(ref _value);

    /// <summary>Adds one.</summary>
    public void Increment() => Interlocked.Increment(ref _value);

    /// <summary>Removes one.</summary>
    public void Decrement() => Interlocked.Decrement(ref _value);
}
