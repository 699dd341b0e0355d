namespace IsuBench.Engine.Execution;

/// <summary>
/// A workload as data: a name, how many workers run it, the step each worker repeats, and the pauses
/// after a successful or failed step. An iteration fails when the step throws or marks its context failed.
/// </summary>
public sealed record Workload(string Name, int Workers, Func<WorkerContext, CancellationToken, Task> Step)
{
    /// <summary>Pause after a successful iteration.</summary>
    public TimeSpan PauseAfterSuccess { get; init; } = TimeSpan.Zero;

    /// <summary>Pause after a failed iteration.</summary>
    public TimeSpan PauseAfterFailure { get; init; } = TimeSpan.Zero;

    /// <summary>How long this workload runs; null means the whole phase.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Stop each worker after this many iterations (null: repeat until time is up).</summary>
    public int? MaxIterations { get; init; }
}
