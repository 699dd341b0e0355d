using System.Collections.Concurrent;
using IsuBench.Engine.Execution;
using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;
using IsuBench.Scenarios.Judging;

namespace IsuBench.Tests.Scenarios.Engine;

public sealed class LoadRunnerTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    private static SessionFactory Sessions() =>
        new(new Targets([new Uri("http://127.0.0.1:9")]), new SessionOptions(), new RunMetrics(SystemClock.Instance, ScoreKinds.Scale));

    private static async Task<(LoadRunResult Result, ConcurrentDictionary<string, List<int>> Choices)> RunTwoWorkloadsAsync(int seed)
    {
        var choices = new ConcurrentDictionary<string, List<int>>();
        Func<WorkerContext, CancellationToken, Task> step = async (context, token) =>
        {
            var list = choices.GetOrAdd($"{context.Workload}#{context.WorkerIndex}", _ => []);
            list.Add(context.Random.Next(1000));
            list.Add(context.NewRandom().Next(1000)); // a forked source is reproducible too
            await Task.Delay(20, token);
        };
        var workloads = new[]
        {
            new Workload("Index", 3, step) { PauseAfterSuccess = TimeSpan.FromMilliseconds(10) },
            new Workload("Draw", 2, step),
        };
        using var sessions = Sessions();
        var result = await new LoadRunner(sessions, seed).RunAsync(workloads, TimeSpan.FromSeconds(2), CancellationToken.None).WaitAsync(HangGuard);
        return (result, choices);
    }

    [Fact]
    public async Task Two_workloads_run_together_stop_on_time_and_repeat_their_choices_for_the_same_seed()
    {
        var first = await RunTwoWorkloadsAsync(seed: 7);
        var second = await RunTwoWorkloadsAsync(seed: 7);
        var other = await RunTwoWorkloadsAsync(seed: 8);

        Assert.Equal(["Draw#0", "Draw#1", "Index#0", "Index#1", "Index#2"], first.Choices.Keys.Order());
        Assert.True(first.Result.Iterations["Index"] > 3 && first.Result.Iterations["Draw"] > 2);
        Assert.Equal(0, first.Result.AbandonedWorkers);
        foreach (var (worker, sequence) in first.Choices)
        {
            // Timing decides how many iterations ran, never which choices were made.
            var again = second.Choices[worker];
            int common = Math.Min(sequence.Count, again.Count);
            Assert.True(common >= 10);
            Assert.Equal(sequence.Take(common), again.Take(common));
            Assert.NotEqual(sequence.Take(5), other.Choices[worker].Take(5));
        }
        Assert.NotEqual(first.Choices["Index#0"].Take(5), first.Choices["Index#1"].Take(5));
    }

    [Fact]
    public async Task A_worker_that_ignores_cancellation_is_abandoned_after_the_grace_period()
    {
        var never = new TaskCompletionSource();
        var workload = new Workload("Stuck", 2, (_, _) => never.Task);
        using var sessions = Sessions();
        var runner = new LoadRunner(sessions, 1) { GracePeriod = TimeSpan.FromMilliseconds(200) };

        var result = await runner.RunAsync([workload], TimeSpan.FromMilliseconds(300), CancellationToken.None).WaitAsync(HangGuard);

        Assert.Equal(2, result.AbandonedWorkers);
        Assert.Contains(sessions.Metrics.Errors.Snapshot(), e => e.Kind == ErrorKind.BenchCapacity && e.Message.Contains("grace period"));
        never.SetResult();
    }

    [Fact]
    public async Task A_throwing_step_is_a_failed_iteration_recorded_as_an_error_and_the_worker_goes_on()
    {
        int calls = 0;
        var workload = new Workload("Flaky", 1, (context, _) =>
        {
            if (Interlocked.Increment(ref calls) % 2 == 1)
            {
                throw new InvalidDataException("broken page");
            }
            return Task.CompletedTask;
        })
        { MaxIterations = 4 };
        using var sessions = Sessions();

        var result = await new LoadRunner(sessions, 1).RunAsync([workload], TimeSpan.FromSeconds(1), CancellationToken.None).WaitAsync(HangGuard);

        Assert.Equal(4, result.Iterations["Flaky"]);
        Assert.Equal(2, result.FailedIterations["Flaky"]);
        Assert.Equal(2, sessions.Metrics.Errors.Snapshot().Single(e => e.Message.Contains("broken page")).Count);
    }

    [Fact]
    public async Task A_workload_with_a_shorter_duration_stops_early_and_an_outer_cancellation_stops_everything()
    {
        var lastSeen = new ConcurrentDictionary<string, DateTimeOffset>();
        Func<WorkerContext, CancellationToken, Task> step = async (context, token) =>
        {
            lastSeen[context.Workload] = DateTimeOffset.UtcNow;
            await Task.Delay(10, token);
        };
        using var sessions = Sessions();
        using var outer = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));

        var result = await new LoadRunner(sessions, 1).RunAsync(
            [new Workload("Short", 1, step) { Duration = TimeSpan.FromMilliseconds(300) }, new Workload("Long", 1, step)],
            TimeSpan.FromMinutes(10), outer.Token).WaitAsync(HangGuard);

        Assert.True(lastSeen["Short"] < lastSeen["Long"]);
        Assert.True(result.Iterations["Long"] > result.Iterations["Short"]);
    }
}
