using IsuBench.Engine.Execution;
using IsuBench.Scenarios.Workloads.Gate.Arrivals;

namespace IsuBench.Scenarios.Workloads.Gate;

/// <summary>
/// An open-model executor (k6's arrival-rate executors): it starts an action at each of the times of
/// <paramref name="arrivals"/> whether or not the ones before it have finished, so a slow server meets the same arrivals
/// as a fast one, and its slowness shows in latencies measured from each action's intended start rather than hiding in
/// fewer requests (no coordinated omission).
/// At most <paramref name="maxInFlight"/> actions run at once; an arrival past that is dropped and counted.
/// </summary>
/// <remarks>
/// When the schedule stops, actions under way get <paramref name="gracefulStop"/> more to finish (k6's gracefulStop):
/// the slowest requests are the ones still running at the end, and cutting them off would leave them out of the
/// latencies, flattering a slow build. Past the grace they are cancelled.
/// </remarks>
internal sealed class ScheduledStream(IArrivalTimes arrivals, int maxInFlight, TimeSpan gracefulStop, IClock clock)
{
    // Finished actions are forgotten in batches, so the list stays short however long the run.
    private const int PruneAbove = 256;
    private int _inFlight;
    private long _started;
    private long _dropped;

    /// <summary>Arrivals whose action started.</summary>
    public long Started => Interlocked.Read(ref _started);

    /// <summary>Arrivals dropped because <c>maxInFlight</c> actions were still running.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>
    /// Starts <paramref name="action"/> (its index and its intended start on the monotonic clock) for every arrival due
    /// within <paramref name="length"/> of now, each on schedule or as soon after as the machine allows, and none due
    /// later, so that the arrivals of a run do not depend on how promptly its timers fired; <paramref name="cancel"/>
    /// ends the schedule early. Then it waits for the actions under way; their token is cancelled the graceful stop
    /// after the schedule's end. The action runs on this loop until its first await, so it may use state of the
    /// schedule's own (a seeded random source) there. An action that throws is its own business: it is expected to
    /// record its failures.
    /// </summary>
    public async Task RunAsync(Func<long, TimeSpan, CancellationToken, Task> action, TimeSpan length, CancellationToken cancel)
    {
        using var abort = new CancellationTokenSource();
        var start = clock.Monotonic;
        var end = start + length;
        var running = new List<Task>();
        try
        {
            long index = -1;
            foreach (var offset in arrivals.Offsets())
            {
                var due = start + offset;
                if (due >= end) break;
                index++;
                var wait = due - clock.Monotonic;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, cancel);
                cancel.ThrowIfCancellationRequested();
                if (Interlocked.Increment(ref _inFlight) > maxInFlight)
                {
                    Interlocked.Decrement(ref _inFlight);
                    Interlocked.Increment(ref _dropped);
                    continue;
                }
                Interlocked.Increment(ref _started);
                running.Add(RunOneAsync(action, index, due, abort.Token));
                if (running.Count > PruneAbove) running.RemoveAll(task => task.IsCompleted);
            }
            var rest = end - clock.Monotonic;
            if (rest > TimeSpan.Zero) await Task.Delay(rest, cancel);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // Ended early: the actions under way still get their graceful stop.
        }
        abort.CancelAfter(gracefulStop);
        await Task.WhenAll(running);
    }

    private async Task RunOneAsync(Func<long, TimeSpan, CancellationToken, Task> action, long index, TimeSpan due, CancellationToken abort)
    {
        try
        {
            await action(index, due, abort);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // Still running past the graceful stop.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
