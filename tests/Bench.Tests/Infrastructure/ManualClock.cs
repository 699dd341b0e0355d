using IsuBench.Engine.Execution;

namespace IsuBench.Tests.Bench.Infrastructure;

/// <summary>A clock that moves only when told.</summary>
public sealed class ManualClock : IClock
{
    /// <inheritdoc />
    public DateTimeOffset UtcNow { get; private set; } = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    /// <inheritdoc />
    public TimeSpan Monotonic { get; private set; } = TimeSpan.FromHours(1);

    /// <summary>Moves both times forward.</summary>
    public void Advance(TimeSpan by)
    {
        UtcNow += by;
        Monotonic += by;
    }
}
