using IsuBench.Scenarios.Engine.Execution;
using IsuBench.Scenarios.Workloads.Gate;

namespace IsuBench.Tests.Scenarios.Workloads.Gate;

/// <summary>The open-model executor: arrivals keep their schedule whether or not earlier actions finished, up to a bound.</summary>
public sealed class ScheduledStreamTests
{
    [Fact]
    public async Task Arrivals_start_on_schedule_while_earlier_actions_are_still_running()
    {
        var stream = new ScheduledStream(TimeSpan.FromMilliseconds(5), maxInFlight: 100, SystemClock.Instance);
        using var stop = new CancellationTokenSource();
        var dues = new List<(long Index, TimeSpan Due)>();
        var run = stream.RunAsync(async (index, due, token) =>
        {
            lock (dues) dues.Add((index, due));
            // Never finishes before the stop: a closed loop would have started only this one.
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
        }, stop.Token);
        while (stream.Started < 5) await Task.Delay(5);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, stream.Dropped);
        lock (dues)
        {
            Assert.True(dues.Count >= 5);
            // Each arrival is due one interval after the one before, whatever happened in between.
            Assert.All(dues.Skip(1).Zip(dues), pair => Assert.Equal(TimeSpan.FromMilliseconds(5), pair.First.Due - pair.Second.Due));
            Assert.Equal(Enumerable.Range(0, dues.Count).Select(i => (long)i), dues.Select(d => d.Index));
        }
    }

    [Fact]
    public async Task Past_the_bound_of_actions_under_way_arrivals_are_dropped_and_counted()
    {
        var stream = new ScheduledStream(TimeSpan.FromMilliseconds(2), maxInFlight: 3, SystemClock.Instance);
        using var stop = new CancellationTokenSource();
        var run = stream.RunAsync((_, _, token) => Task.Delay(Timeout.InfiniteTimeSpan, token), stop.Token);
        while (stream.Dropped < 5) await Task.Delay(5);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(3, stream.Started);
        Assert.True(stream.Dropped >= 5);
    }

    [Fact]
    public async Task Stopping_waits_for_the_actions_under_way_and_ends_the_run()
    {
        var stream = new ScheduledStream(TimeSpan.FromMilliseconds(1), maxInFlight: 10, SystemClock.Instance);
        using var stop = new CancellationTokenSource();
        int finished = 0;
        var run = stream.RunAsync(async (_, _, token) =>
        {
            try { await Task.Delay(Timeout.InfiniteTimeSpan, token); }
            finally { Interlocked.Increment(ref finished); }
        }, stop.Token);
        while (stream.Started < 3) await Task.Delay(5);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(stream.Started, Volatile.Read(ref finished));
    }
}
