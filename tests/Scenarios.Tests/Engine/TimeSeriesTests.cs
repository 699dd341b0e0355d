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

    [Fact]
    public void Each_sample_counts_the_new_errors_of_its_interval_by_message_the_rest_as_other()
    {
        var clock = new FakeClock();
        var metrics = new RunMetrics(clock, ScoreKinds.Scale, maxTrackedErrors: 2);
        metrics.Errors.Add("before the series"); // counted before sampling began: in no interval
        var series = new TimeSeries(metrics);

        clock.Advance(TimeSpan.FromSeconds(1));
        series.Sample();                                    // nothing new
        for (int i = 0; i < 3; i++) metrics.Errors.Add("before the series");
        metrics.Errors.Add("pool exhausted");             // the second and last tracked message
        clock.Advance(TimeSpan.FromSeconds(1));
        series.Sample();
        for (int i = 0; i < 40; i++) metrics.Errors.Add("pool exhausted");
        metrics.Errors.Add("untracked 1");
        metrics.Errors.Add("untracked 2");
        metrics.Errors.AddCapacity("sockets");
        clock.Advance(TimeSpan.FromSeconds(1));
        series.Sample();

        var errors = series.ErrorsOverTime;

        Assert.Equal(2, errors.MaxTracked);
        Assert.Equal(["before the series", "pool exhausted"], errors.Messages.Select(m => m.Message));
        Assert.Equal([0L, 3, 0], errors.Messages[0].Counts);
        Assert.Equal([0L, 1, 40], errors.Messages[1].Counts);
        Assert.Equal([0L, 0, 3], errors.Other);
        Assert.Equal(series.Points.Count, errors.Other.Count);
        Assert.Equal(41, errors.Messages[1].Counts.Sum());
    }
}
