using System.Diagnostics;

namespace IsuBench.Engine.Execution;

/// <summary>The real clock: wall time from the system, monotonic time from <see cref="Stopwatch"/>.</summary>
public sealed class SystemClock : IClock
{
    /// <summary>The single shared instance.</summary>
    public static readonly SystemClock Instance = new();

    private readonly long _origin = Stopwatch.GetTimestamp();

    /// <inheritdoc />
    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    /// <inheritdoc />
    public TimeSpan Monotonic => Stopwatch.GetElapsedTime(_origin);
}
