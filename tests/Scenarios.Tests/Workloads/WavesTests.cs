using IsuBench.Checks.Documents.Api;
using IsuBench.Scenarios.Workloads;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Tests.Scenarios.Workloads;

public sealed class WavesTests
{
    [Theory]
    [InlineData(0, 0, 0, 10)]      // the first wave
    [InlineData(10, 0, 10, 10)]    // everybody receiving: the room doubles
    [InlineData(40, 0, 40, 40)]
    [InlineData(30, 10, 40, 20)]   // the others are a penalty
    [InlineData(5, 5, 10, 10)]     // zero: the initial size again
    [InlineData(2, 8, 10, 10)]     // negative: the initial size again
    public void Next_wave_is_receiving_minus_others_or_the_initial_size(int receiving, int others, int started, int expected) =>
        Assert.Equal(expected, Waves.NextWave(receiving, others, started, initialWave: 10, maxPerInstance: 10 * 1024));

    [Fact]
    public void A_wave_never_exceeds_what_the_instance_may_still_start()
    {
        Assert.Equal(240, Waves.NextWave(5000, 0, 10 * 1024 - 240, 10, 10 * 1024));
        Assert.Equal(0, Waves.NextWave(5000, 0, 10 * 1024, 10, 10 * 1024));
        Assert.Equal(0, Waves.NextWave(0, 0, 10 * 1024, 10, 10 * 1024));
    }

    [Fact]
    public void As_the_original_ten_waves_join_from_0_to_45_s_and_everybody_leaves_at_50_s_of_an_instance_of_55_s()
    {
        var plan = Waves.Plan(TimeSpan.FromSeconds(55), TimeSpan.FromSeconds(5));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => TimeSpan.FromSeconds(5 * i)), plan.Waves);
        Assert.Equal(TimeSpan.FromSeconds(50), plan.LeaveAt);
        // If every watcher always receives, each wave doubles the room: 10 × 2^9 watchers by the last wave.
        int started = 0;
        foreach (var _ in plan.Waves)
        {
            started += Waves.NextWave(started, 0, started, 10, 10 * 1024);
        }
        Assert.Equal(10 * 512, started);
    }

    [Theory]
    [InlineData(10, new[] { 0 }, 5)]
    [InlineData(11, new[] { 0, 5 }, 10)]
    [InlineData(3, new[] { 0 }, 3)] // never after the instance's end
    [InlineData(56, new[] { 0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50 }, 55)]
    public void Waves_join_while_less_than_the_instance_minus_one_interval_has_passed(int seconds, int[] waves, int leave)
    {
        var plan = Waves.Plan(TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(5));
        Assert.Equal(waves.Select(w => TimeSpan.FromSeconds(w)), plan.Waves);
        Assert.Equal(TimeSpan.FromSeconds(leave), plan.LeaveAt);
        Assert.Empty(Waves.Plan(TimeSpan.Zero, TimeSpan.FromSeconds(5)).Waves);
    }

    [Fact]
    public void The_roster_counts_receiving_watchers_against_waiting_and_departed_ones_as_time_passes()
    {
        var clock = new FakeClock();
        var roster = new WatcherRoster();
        var watchers = Enumerable.Range(0, 10).Select(i => new WatcherState(i, clock, TimeSpan.FromSeconds(5))).ToList();
        Assert.Equal(10, roster.NextWave(10, 10 * 1024));
        foreach (var watcher in watchers)
        {
            roster.Add(watcher);
            watcher.MarkJoined();
        }
        // Nobody has a stroke yet: 0 - 10 <= 0, so the initial size.
        Assert.Equal(10, roster.NextWave(10, 10 * 1024));

        clock.Advance(TimeSpan.FromSeconds(1));
        var stroke = Stroke(createdAt: clock.UtcNow);
        clock.Advance(TimeSpan.FromMilliseconds(300));
        foreach (var watcher in watchers.Take(8))
        {
            Assert.True(watcher.OnStroke(stroke, clock.UtcNow, "stream").Passed);
        }
        watchers[0].Leave();
        // 7 receiving, 3 others (2 waiting, 1 left).
        Assert.Equal(4, roster.NextWave(10, 10 * 1024));

        // A watcher the bench had to drop counts on neither side.
        watchers[8].LeaveForCapacity();
        Assert.Equal(5, roster.NextWave(10, 10 * 1024));
    }

    internal static ApiStroke Stroke(DateTimeOffset createdAt, long id = 1, int points = 3) =>
        new(id, 1, 10, 100, 100, 100, 0.5, createdAt, Enumerable.Range(1, points).Select(i => new ApiPoint(i, id, i, i)).ToList());
}
