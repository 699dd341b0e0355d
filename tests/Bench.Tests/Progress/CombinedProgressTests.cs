using IsuBench.Bench.Progress;
using IsuBench.Scenarios.Run;

namespace IsuBench.Tests.Bench.Progress;

public sealed class CombinedProgressTests
{
    private static ProgressSnapshot At(BenchmarkPhase phase, double elapsed, long score, double rate, long watchers, long errors) =>
        new(phase, TimeSpan.FromSeconds(elapsed), phase == BenchmarkPhase.Load ? TimeSpan.FromSeconds(60) : null,
            score, rate, watchers, errors);

    [Fact]
    public void The_phase_is_the_least_advanced_running_segment_s_and_the_numbers_are_summed()
    {
        var snapshot = CombinedProgress.Of([
            new(At(BenchmarkPhase.Load, 12, 500, 40, 30, 2), true),
            new(At(BenchmarkPhase.Waiting, 3, 10, 1, 0, 0), true),
            new(null, true),
        ]);
        Assert.Equal(BenchmarkPhase.Starting, snapshot.Phase);

        snapshot = CombinedProgress.Of([
            new(At(BenchmarkPhase.Load, 12, 500, 40, 30, 2), true),
            new(At(BenchmarkPhase.Waiting, 3, 10, 1, 0, 0), true),
        ]);
        Assert.Equal(BenchmarkPhase.Waiting, snapshot.Phase);
        Assert.Equal(TimeSpan.FromSeconds(3), snapshot.Elapsed);
        Assert.Equal(510, snapshot.Score);
        Assert.Equal(41, snapshot.RequestsPerSecond);
        Assert.Equal(30, snapshot.Watchers);
        Assert.Equal(2, snapshot.Errors);
        Assert.Equal((2, 2), snapshot.Processes);
        Assert.Equal("isubench, 2 processes (2 running)", snapshot.Heading);
        Assert.EndsWith("processes 2/2 running", snapshot.ToString());
    }

    [Fact]
    public void A_segment_that_ended_keeps_its_score_and_errors_but_holds_no_watchers_and_sends_nothing()
    {
        var snapshot = CombinedProgress.Of([
            new(At(BenchmarkPhase.Load, 20, 700, 50, 25, 1), true),
            new(At(BenchmarkPhase.Load, 15, 300, 45, 20, 4), false),
        ]);
        Assert.Equal(BenchmarkPhase.Load, snapshot.Phase);
        Assert.Equal(TimeSpan.FromSeconds(20), snapshot.Elapsed);
        Assert.Equal(1000, snapshot.Score);
        Assert.Equal(50, snapshot.RequestsPerSecond);
        Assert.Equal(25, snapshot.Watchers);
        Assert.Equal(5, snapshot.Errors);
        Assert.Equal((1, 2), snapshot.Processes);
    }

    [Fact]
    public void When_every_segment_has_ended_the_run_is_done()
    {
        var snapshot = CombinedProgress.Of([
            new(At(BenchmarkPhase.Done, 70, 700, 0, 0, 1), false),
            new(At(BenchmarkPhase.Load, 15, 300, 45, 20, 4), false),
        ]);
        Assert.Equal(BenchmarkPhase.Done, snapshot.Phase);
        Assert.Equal(TimeSpan.FromSeconds(70), snapshot.Elapsed);
        Assert.Equal(1000, snapshot.Score);
        Assert.Equal((0, 2), snapshot.Processes);
    }
}
