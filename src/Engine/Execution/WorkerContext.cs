using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;

namespace IsuBench.Engine.Execution;

/// <summary>What a worker's step sees: who it is, its own seeded random source, the run's metrics, and a way to make sessions.</summary>
public sealed class WorkerContext
{
    private readonly SessionFactory _sessions;
    private readonly List<Task> _leftRunning = [];

    internal WorkerContext(string workload, int workerIndex, int seed, SessionFactory sessions)
    {
        Workload = workload;
        WorkerIndex = workerIndex;
        Seed = seed;
        Random = new Random(seed);
        _sessions = sessions;
    }

    /// <summary>The workload's name.</summary>
    public string Workload { get; }

    /// <summary>This worker's index within its workload (0-based).</summary>
    public int WorkerIndex { get; }

    /// <summary>The seed of <see cref="Random"/>, derived from the run seed.</summary>
    public int Seed { get; }

    /// <summary>This worker's random source; using only it keeps the worker's choices reproducible.</summary>
    public Random Random { get; }

    /// <summary>The current iteration (0-based).</summary>
    public long Iteration { get; internal set; }

    /// <summary>True once the current iteration was marked failed.</summary>
    public bool Failed { get; private set; }

    /// <summary>The run's metrics.</summary>
    public RunMetrics Metrics => _sessions.Metrics;

    /// <summary>A new session on a target picked with this worker's random source.</summary>
    public Session NewSession() => _sessions.Create(Random);

    /// <summary>A new session on a target picked with <paramref name="random"/> (for tasks running beside the worker).</summary>
    public Session NewSession(Random random) => _sessions.Create(random);

    /// <summary>
    /// A new random source seeded from this worker's, for a task that runs concurrently with the worker
    /// (e.g. a watcher): <see cref="System.Random"/> is not thread-safe, and the seed keeps it reproducible.
    /// </summary>
    public Random NewRandom() => new(Random.Next());

    /// <summary>Marks the current iteration failed (the longer pause follows).</summary>
    public void MarkFailed() => Failed = true;

    /// <summary>
    /// Lets <paramref name="work"/> run on past the end of the step that started it, as the original benchmark's last images of
    /// a page loaded on while its worker paused and began again; the worker waits for such work only when it stops. The step
    /// must end it by the worker's cancellation token and must not throw from it.
    /// </summary>
    public void LeaveRunning(Task work)
    {
        // Only the worker's own steps call this, one after another: finished work is dropped here, so the list stays small.
        _leftRunning.RemoveAll(task => task.IsCompleted);
        _leftRunning.Add(work);
    }

    internal void ResetIteration() => Failed = false;

    /// <summary>Completes when all the work the steps left running has ended.</summary>
    internal Task LeftRunningAsync() => Task.WhenAll(_leftRunning);
}
