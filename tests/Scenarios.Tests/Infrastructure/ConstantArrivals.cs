using IsuBench.Scenarios.Workloads.Gate.Arrivals;

namespace IsuBench.Tests.Scenarios.Infrastructure;

/// <summary>An arrival every <paramref name="Interval"/> from the start (k6's constant-arrival-rate): times a test can predict.</summary>
public sealed record ConstantArrivals(TimeSpan Interval) : IArrivalTimes
{
    /// <inheritdoc />
    public IEnumerable<TimeSpan> Offsets()
    {
        if (Interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Interval), Interval, "must be positive");
        for (long index = 0; ; index++) yield return Interval * index;
    }
}
