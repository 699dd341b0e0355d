using IsuBench.Bench.Progress;
using IsuBench.Checks.Rules;
using IsuBench.Engine.Metrics;
using IsuBench.Scenarios.Judging;
using IsuBench.Scenarios.Run;
using IsuBench.Tests.Bench.Infrastructure;

namespace IsuBench.Tests.Bench.Progress;

public sealed class ProgressTests
{
    [Fact]
    public void A_snapshot_shows_phase_elapsed_of_total_score_rate_watchers_and_errors()
    {
        var clock = new ManualClock();
        var metrics = new RunMetrics(clock, ScoreKinds.Scale);
        var phase = BenchmarkPhase.Load;
        var sampler = new ProgressSampler(() => phase, () => TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(60), metrics);
        for (int i = 0; i < 50; i++) metrics.Endpoints.RecordRequest("GET /", 200, TimeSpan.FromMilliseconds(1));
        metrics.Score.Add(ScoreKind.Post, 3);
        metrics.Watchers.Increment();
        metrics.Watchers.Increment();
        metrics.Errors.Add("x");
        metrics.Errors.AddCapacity("sockets"); // the bench's own limit is not a server error
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal("[load 12/60 s] score 60  req/s 25.0  watchers 2  errors 1", sampler.Sample().ToString());

        // The rate is since the previous snapshot.
        for (int i = 0; i < 10; i++) metrics.Endpoints.RecordRequest("GET /", 200, TimeSpan.FromMilliseconds(1));
        clock.Advance(TimeSpan.FromSeconds(1));
        phase = BenchmarkPhase.InitialCheck;
        Assert.Equal("[initial check 12 s] score 60  req/s 10.0  watchers 2  errors 1", sampler.Sample().ToString());
    }

    [Fact]
    public async Task Plain_progress_writes_lines_until_stopped_then_a_last_one()
    {
        var clock = new ManualClock();
        var metrics = new RunMetrics(clock, ScoreKinds.Scale);
        var phase = BenchmarkPhase.Load;
        var sampler = new ProgressSampler(() => phase, () => TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10), metrics);
        var lines = new LineCounter();
        using var stop = new CancellationTokenSource();
        var progress = PlainProgress.RunAsync(sampler.Sample, lines, TimeSpan.FromMilliseconds(10), stop.Token);
        await lines.WaitForAsync(2);
        phase = BenchmarkPhase.Done;
        metrics.Score.Add(ScoreKind.Get, 7);
        await stop.CancelAsync();
        await progress.WaitAsync(TimeSpan.FromSeconds(30));
        var written = lines.ToString().TrimEnd().Split('\n');
        Assert.True(written.Length >= 3);
        Assert.All(written[..2], l => Assert.StartsWith("[load 3/10 s] score 0", l));
        Assert.StartsWith("[done 3 s] score 7", written[^1]);
        Assert.DoesNotContain('\u001b', lines.ToString()); // no terminal escapes in plain mode
    }

    [Fact]
    public void Progress_is_plain_when_not_writing_to_the_terminal_and_off_when_asked()
    {
        Assert.Equal(ProgressDisplay.Mode.Plain, ProgressDisplay.Choose(noProgress: false, new StringWriter()));
        Assert.Equal(ProgressDisplay.Mode.Off, ProgressDisplay.Choose(noProgress: true, new StringWriter()));
        Assert.Equal(ProgressDisplay.Mode.Off, ProgressDisplay.Choose(noProgress: true, Console.Error));
    }

    /// <summary>A writer that lets a test wait for a number of lines without sleeping.</summary>
    private sealed class LineCounter : StringWriter
    {
        private readonly SemaphoreSlim _lines = new(0);

        public override Task WriteLineAsync(string? value)
        {
            lock (this) base.WriteLine(value);
            _lines.Release();
            return Task.CompletedTask;
        }

        public override string ToString()
        {
            lock (this) return base.ToString();
        }

        public async Task WaitForAsync(int count)
        {
            for (int i = 0; i < count; i++)
                Assert.True(await _lines.WaitAsync(TimeSpan.FromSeconds(30)), "no progress line within 30 s");
        }
    }
}
