using IsuBench.Engine.Execution;

namespace IsuBench.Tests.Scenarios.Infrastructure;

/// <summary>A clock that only moves when told to.</summary>
public sealed class FakeClock : IClock
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private TimeSpan _monotonic = TimeSpan.FromHours(1);

    /// <inheritdoc />
    public DateTimeOffset UtcNow
    {
        get
        {
            lock (_lock)
            {
                return _now;
            }
        }
    }

    /// <inheritdoc />
    public TimeSpan Monotonic
    {
        get
        {
            lock (_lock)
            {
                return _monotonic;
            }
        }
    }

    /// <summary>Moves both wall and monotonic time forward.</summary>
    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
            _monotonic += by;
        }
    }
}
