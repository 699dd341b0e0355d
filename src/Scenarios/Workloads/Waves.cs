namespace IsuBench.Scenarios.Workloads;

/// <summary>
/// Matsuri's waves of watchers: when they come (<see cref="Plan"/>) and how many join in each (<see cref="NextWave"/>): the
/// watchers that have received a stroke and are still in the room, minus all the others (those still waiting for their
/// first stroke and those who left); when that is zero or less, the initial wave size. Never more than the instance's
/// remaining allowance.
/// </summary>
public static class Waves
{
    /// <summary>The size of the next wave.</summary>
    /// <param name="receiving">Watchers that received at least one stroke and have not left.</param>
    /// <param name="others">Every other watcher of the instance (not yet received a stroke, or left).</param>
    /// <param name="started">Watchers the instance started so far.</param>
    /// <param name="initialWave">The size used when the difference is zero or less.</param>
    /// <param name="maxPerInstance">Most watchers one instance may ever start.</param>
    public static int NextWave(int receiving, int others, int started, int initialWave, int maxPerInstance)
    {
        int n = receiving - others;
        if (n <= 0)
        {
            n = initialWave;
        }
        return Math.Max(0, Math.Min(n, maxPerInstance - started));
    }

    /// <summary>
    /// When the waves start and when everybody leaves, relative to the instance's start, as the original (scenario/matsuri.go:
    /// join, sleep one interval, stop once more than the instance's time minus one interval has passed): a wave at once, then
    /// one every interval while less than the instance's time minus one interval has passed; everybody leaves one interval after
    /// the last wave (never after the instance's end). With 55 s and 5 s: ten waves, 0 to 45 s, and leaving at 50 s.
    /// </summary>
    public static WavePlan Plan(TimeSpan instanceDuration, TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "the wave interval must be positive");
        }
        if (instanceDuration <= TimeSpan.Zero)
        {
            return new WavePlan([], TimeSpan.Zero);
        }
        var waves = new List<TimeSpan> { TimeSpan.Zero };
        for (var at = interval; at < instanceDuration - interval; at += interval)
        {
            waves.Add(at);
        }
        var leave = waves[^1] + interval;
        return new WavePlan(waves, leave < instanceDuration ? leave : instanceDuration);
    }
}
