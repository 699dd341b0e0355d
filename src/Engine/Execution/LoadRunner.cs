using System.Collections.Concurrent;
using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;

namespace IsuBench.Engine.Execution;

/// <summary>
/// Runs several workloads together for a duration. Each worker gets a random source derived from the
/// run seed; at the end every worker is cancelled, and workers that ignore cancellation are abandoned
/// after a bounded grace period so the run never hangs.
/// </summary>
public sealed class LoadRunner
{
    private readonly SessionFactory _sessions;
    private readonly int _runSeed;

    /// <summary>Creates a runner using <paramref name="sessions"/> and <paramref name="runSeed"/>.</summary>
    public LoadRunner(SessionFactory sessions, int runSeed)
    {
        _sessions = sessions;
        _runSeed = runSeed;
    }

    /// <summary>How long workers get to finish after cancellation before they are abandoned.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The share of every workload's workers this runner starts (<see cref="Segment.Owns"/>); the whole plan by default.</summary>
    public Segment Segment { get; init; } = Segment.Whole;

    /// <summary>Runs <paramref name="workloads"/> for <paramref name="duration"/> (or until cancelled).</summary>
    public async Task<LoadRunResult> RunAsync(IReadOnlyList<Workload> workloads, TimeSpan duration, CancellationToken cancellationToken)
    {
        var clock = _sessions.Metrics.Clock;
        var started = clock.Monotonic;
        var iterations = new ConcurrentDictionary<string, long>();
        var failures = new ConcurrentDictionary<string, long>();
        using var phase = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        phase.CancelAfter(duration);

        var workers = new List<Task>();
        var workloadTokens = new List<CancellationTokenSource>();
        foreach (var workload in workloads)
        {
            iterations[workload.Name] = 0;
            failures[workload.Name] = 0;
            var workloadToken = CancellationTokenSource.CreateLinkedTokenSource(phase.Token);
            if (workload.Duration is { } own && own < duration)
            {
                workloadToken.CancelAfter(own);
            }
            workloadTokens.Add(workloadToken);
            for (int index = 0; index < workload.Workers; index++)
            {
                // A segment starts only its share, each worker with the index and seed it has in the whole run.
                if (!Segment.Owns(_runSeed, workload.Name, index, workload.Workers)) continue;
                var context = new WorkerContext(workload.Name, index, WorkerSeed.Derive(_runSeed, workload.Name, index), _sessions);
                workers.Add(Task.Run(() => RunWorkerAsync(workload, context, iterations, failures, workloadToken.Token), CancellationToken.None));
            }
        }

        int abandoned = 0;
        try
        {
            // The run ends when its time is up or when every worker has finished (e.g. MaxIterations).
            var all = Task.WhenAll(workers);
            await Task.WhenAny(all, Task.Delay(Timeout.InfiniteTimeSpan, phase.Token));
            await phase.CancelAsync();
            try
            {
                await all.WaitAsync(GracePeriod, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                abandoned = workers.Count(worker => !worker.IsCompleted);
                _sessions.Metrics.Errors.Add(ErrorKind.BenchCapacity, $"{abandoned} worker(s) did not stop within the grace period");
            }
        }
        finally
        {
            foreach (var token in workloadTokens)
            {
                token.Dispose();
            }
        }
        return new LoadRunResult(
            new Dictionary<string, long>(iterations), new Dictionary<string, long>(failures), abandoned, clock.Monotonic - started);
    }

    private async Task RunWorkerAsync(
        Workload workload, WorkerContext context, ConcurrentDictionary<string, long> iterations,
        ConcurrentDictionary<string, long> failures, CancellationToken cancellationToken)
    {
        try
        {
            await RepeatStepAsync(workload, context, iterations, failures, cancellationToken);
        }
        finally
        {
            // Work a step left running (WorkerContext.LeaveRunning) ends with the worker, within the run's grace.
            try
            {
                await context.LeftRunningAsync();
            }
            catch (OperationCanceledException)
            {
                // Cancelled with the phase, as it should be.
            }
            catch (Exception exception)
            {
                _sessions.Metrics.Errors.Add($"{workload.Name}: {exception.GetType().Name}: {exception.Message}");
            }
        }
    }

    private async Task RepeatStepAsync(
        Workload workload, WorkerContext context, ConcurrentDictionary<string, long> iterations,
        ConcurrentDictionary<string, long> failures, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && (workload.MaxIterations is null || context.Iteration < workload.MaxIterations))
        {
            context.ResetIteration();
            try
            {
                await workload.Step(context, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A bug or unexpected failure in a step must not take the worker down with it.
                context.MarkFailed();
                if (BenchCapacity.IsExhausted(exception))
                {
                    _sessions.Metrics.Errors.AddCapacity("out of sockets or open files");
                }
                else
                {
                    _sessions.Metrics.Errors.Add($"{workload.Name}: {exception.GetType().Name}: {exception.Message}");
                }
            }
            iterations.AddOrUpdate(workload.Name, 1, static (_, n) => n + 1);
            if (context.Failed)
            {
                failures.AddOrUpdate(workload.Name, 1, static (_, n) => n + 1);
            }
            context.Iteration++;
            var pause = context.Failed ? workload.PauseAfterFailure : workload.PauseAfterSuccess;
            if (pause > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(pause, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
