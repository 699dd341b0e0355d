using IsuBench.Checks.Rules;
using IsuBench.Engine.Metrics;
using IsuBench.Scenarios.Judging;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Tests.Scenarios.Engine;

public sealed class TimeSeriesTests
{
    [Fact]
    public void Each_sample_holds_score_rate_since_the_last_sample_watchers_and_server_errors()
    {
        var clock = new FakeClock();
        var metrics = new RunMetrics(clock, ScoreKinds.Scale);
        var series = new TimeSeries(metrics);

        for (int i = 0; i < 30; i++)
        {
            metrics.Endpoints.RecordRequest("GET /", 200, TimeSpan.FromMilliseconds(1));
        }
        metrics.Score.Add(ScoreKind.Post);
        metrics.Watchers.Increment();
        metrics.Watchers.Increment();
        metrics.Errors.Add("x");
        metrics.Errors.AddCapacity("sockets");
        clock.Advance(TimeSpan.FromSeconds(1));
        var first = series.Sample();

        for (int i = 0; i < 10; i++)
        {
            metrics.Endpoints.RecordRequest("GET /", 200, TimeSpan.FromMilliseconds(1));
        }
        metrics.Watchers.Decrement();
        clock.Advance(TimeSpan.FromSeconds(2));
        var second = series.Sample();

        Assert.Equal(new TimeSeriesPoint(TimeSpan.FromSeconds(1), 20, 30, 2, 1), first);
        Assert.Equal(new TimeSeriesPoint(TimeSpan.FromSeconds(3), 20, 5, 1, 1), second);
        Assert.Equal([first, second], series.Points);
    }

    [Fact]
    public async Task Sampling_stops_on_cancellation_with_a_final_sample()
    {
        var series = new TimeSeries(new RunMetrics(new FakeClock(), ScoreKinds.Scale));
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await series.RunAsync(TimeSpan.FromSeconds(1), cts.Token);

        Assert.Single(series.Points);
    }
}
