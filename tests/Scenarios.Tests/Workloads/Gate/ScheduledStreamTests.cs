using IsuBench.Engine.Execution;
using IsuBench.Scenarios.Workloads.Gate;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Tests.Scenarios.Workloads.Gate;

/// <summary>The open-model executor: arrivals keep their schedule whether or not earlier actions finished, up to a bound.</summary>
public sealed class ScheduledStreamTests
{
    // A schedule that only its cancellation ends.
    private static readonly TimeSpan Endless = TimeSpan.FromHours(1);

    [Fact]
    public async Task Every_arrival_due_within_the_length_starts_however_late_the_loop_wakes_and_none_after()
    {
        var clock = new FakeClock();
        var stream = new ScheduledStream(new ConstantArrivals(TimeSpan.FromMilliseconds(10)), maxInFlight: 100, TimeSpan.Zero, clock);
        var indexes = new List<long>();
        await stream.RunAsync((index, _, _) =>
        {
            indexes.Add(index);
            // The first action stalls the loop past the whole schedule: every later arrival is already late.
            if (index == 0) clock.Advance(TimeSpan.FromMilliseconds(150));
            return Task.CompletedTask;
        }, TimeSpan.FromMilliseconds(100), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), indexes);
        Assert.Equal((10, 0), (stream.Started, stream.Dropped));
    }

    [Fact]
    public async Task Arrivals_start_on_schedule_while_earlier_actions_are_still_running()
    {
        var stream = new ScheduledStream(new ConstantArrivals(TimeSpan.FromMilliseconds(5)), maxInFlight: 100, TimeSpan.Zero, SystemClock.Instance);
        using var stop = new CancellationTokenSource();
        var dues = new List<(long Index, TimeSpan Due)>();
        var run = stream.RunAsync(async (index, due, token) =>
        {
            dues.Add((index, due));
            // The fifth arrival ends the schedule (the action runs on its loop until its first await), so a slow
            // machine cannot let more arrivals pile up than the bound allows.
            if (index == 4) await stop.CancelAsync();
            // Never finishes before the stop: a closed loop would have started only this one.
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
        }, Endless, stop.Token);
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, stream.Dropped);
        Assert.Equal(5, stream.Started);
        // Each arrival is due one interval after the one before, whatever happened in between.
        Assert.All(dues.Skip(1).Zip(dues), pair => Assert.Equal(TimeSpan.FromMilliseconds(5), pair.First.Due - pair.Second.Due));
        Assert.Equal([0L, 1, 2, 3, 4], dues.Select(d => d.Index));
    }

    [Fact]
    public async Task Past_the_bound_of_actions_under_way_arrivals_are_dropped_and_counted()
    {
        var stream = new ScheduledStream(new ConstantArrivals(TimeSpan.FromMilliseconds(2)), maxInFlight: 3, TimeSpan.Zero, SystemClock.Instance);
        using var stop = new CancellationTokenSource();
        var run = stream.RunAsync((_, _, token) => Task.Delay(Timeout.InfiniteTimeSpan, token), Endless, stop.Token);
        while (stream.Dropped < 5) await Task.Delay(5);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(3, stream.Started);
        Assert.True(stream.Dropped >= 5);
    }

    [Fact]
    public async Task Stopping_waits_for_the_actions_under_way_and_ends_the_run()
    {
        var stream = new ScheduledStream(new ConstantArrivals(TimeSpan.FromMilliseconds(1)), maxInFlight: 10, TimeSpan.Zero, SystemClock.Instance);
        using var stop = new CancellationTokenSource();
        int finished = 0;
        var run = stream.RunAsync(async (_, _, token) =>
        {
            try { await Task.Delay(Timeout.InfiniteTimeSpan, token); }
            finally { Interlocked.Increment(ref finished); }
        }, Endless, stop.Token);
        while (stream.Started < 3) await Task.Delay(5);
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(stream.Started, Volatile.Read(ref finished));
    }

    [Fact]
    public async Task Actions_under_way_at_the_stop_may_finish_within_the_graceful_stop()
    {
        var stream = new ScheduledStream(new ConstantArrivals(TimeSpan.FromMilliseconds(1)), maxInFlight: 10, TimeSpan.FromSeconds(30), SystemClock.Instance);
        using var stop = new CancellationTokenSource();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int finished = 0, cancelled = 0;
        var run = stream.RunAsync(async (index, _, token) =>
        {
            if (index == 2) await stop.CancelAsync();
            try
            {
                // Ends after the schedule's stop: within the grace, the action's own token is not cancelled.
                await release.Task.WaitAsync(token);
                Interlocked.Increment(ref finished);
            }
            catch (OperationCanceledException) { Interlocked.Increment(ref cancelled); }
        }, Endless, stop.Token);
        await Task.Delay(50);
        Assert.False(run.IsCompleted);
        release.SetResult();
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(3, stream.Started);
        Assert.Equal(3, Volatile.Read(ref finished));
        Assert.Equal(0, Volatile.Read(ref cancelled));
    }

    [Fact]
    public async Task Actions_still_running_past_the_graceful_stop_are_cancelled()
    {
        var stream = new ScheduledStream(new ConstantArrivals(TimeSpan.FromMilliseconds(1)), maxInFlight: 10, TimeSpan.FromMilliseconds(100), SystemClock.Instance);
        using var stop = new CancellationTokenSource();
        int cancelled = 0;
        var run = stream.RunAsync(async (index, _, token) =>
        {
            if (index == 2) await stop.CancelAsync();
            try { await Task.Delay(Timeout.InfiniteTimeSpan, token); }
            catch (OperationCanceledException) { Interlocked.Increment(ref cancelled); throw; }
        }, Endless, stop.Token);
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(3, stream.Started);
        Assert.Equal(3, Volatile.Read(ref cancelled));
    }
}
