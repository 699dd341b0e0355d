using IsuBench.Scenarios.Workloads;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Tests.Scenarios.Workloads;

/// <summary>The 5 s leave rule as a watcher applies it, driven by a fake clock.</summary>
public sealed class LeaveRuleTests
{
    [Fact]
    public void A_stroke_created_after_joining_that_arrives_more_than_5_s_after_its_creation_makes_the_watcher_leave()
    {
        var clock = new FakeClock();
        var watcher = new WatcherState(0, clock, TimeSpan.FromSeconds(5));
        watcher.MarkJoined();
        clock.Advance(TimeSpan.FromSeconds(1));
        var created = clock.UtcNow;

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(watcher.OnStroke(WavesTests.Stroke(created), clock.UtcNow, "stream").Passed);
        Assert.True(watcher.IsReceiving);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        var verdict = watcher.OnStroke(WavesTests.Stroke(created, id: 2), clock.UtcNow, "stream");
        Assert.False(verdict.Passed);
        Assert.Equal("stream.delivery-delay", verdict.RuleId);
        Assert.True(watcher.HasLeft);
        Assert.False(watcher.IsReceiving);
        Assert.False(watcher.LeftForCapacity);
    }

    [Fact]
    public void The_rooms_history_may_arrive_late_without_the_watcher_leaving()
    {
        var clock = new FakeClock();
        var created = clock.UtcNow;
        clock.Advance(TimeSpan.FromMinutes(3));
        var watcher = new WatcherState(0, clock, TimeSpan.FromSeconds(5));
        watcher.MarkJoined();
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(watcher.OnStroke(WavesTests.Stroke(created), clock.UtcNow, "stream").Passed);
        Assert.False(watcher.HasLeft);
    }

    [Fact]
    public void A_tuned_limit_replaces_the_5_s()
    {
        var clock = new FakeClock();
        var watcher = new WatcherState(0, clock, TimeSpan.FromSeconds(1));
        watcher.MarkJoined();
        clock.Advance(TimeSpan.FromSeconds(1));
        var created = clock.UtcNow;
        clock.Advance(TimeSpan.FromSeconds(1.5));

        Assert.False(watcher.OnStroke(WavesTests.Stroke(created), clock.UtcNow, "stream").Passed);
        Assert.True(watcher.HasLeft);
    }
}
