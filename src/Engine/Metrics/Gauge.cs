namespace IsuBench.Engine.Metrics;

/// <summary>A thread-safe up/down counter, e.g. connected watchers; <paramref name="onChange"/> hears of every step (+1 or -1).</summary>
public sealed class Gauge(Action<int>? onChange = null)
{
    private long _value;

    /// <summary>The current value.</summary>
    public long Value => Interlocked.Read(ref _value);

    /// <summary>Adds one.</summary>
    public void Increment()
    {
        Interlocked.Increment(ref _value);
        onChange?.Invoke(1);
    }

    /// <summary>Removes one.</summary>
    public void Decrement()
    {
        Interlocked.Decrement(ref _value);
        onChange?.Invoke(-1);
    }
}
