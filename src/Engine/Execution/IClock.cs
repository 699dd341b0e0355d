namespace IsuBench.Engine.Execution;

/// <summary>The time source of the engine; injected so that rules over time can be tested with a fake clock.</summary>
public interface IClock
{
    /// <summary>The current wall-clock time in UTC.</summary>
    DateTimeOffset UtcNow { get; }

    /// <summary>Monotonic time since an arbitrary origin, for measuring durations.</summary>
    TimeSpan Monotonic { get; }
}
