namespace IsuBench.Bench.Repeat;

/// <summary>
/// How many runs one after another (<c>--repeat</c>), how many unmeasured ones before them (<c>--warmup-runs</c>), and
/// how the target is reset before each: the user's command (<c>--reset-command</c>) or, for a target the bench started
/// itself (<c>demo</c>), an action of its own.
/// </summary>
internal sealed record RepeatSettings(int Count, string? ResetCommand)
{
    /// <summary>One run, no reset: a plain <c>run</c>.</summary>
    public static RepeatSettings Once { get; } = new(1, null);

    /// <summary>A reset done in the process (its progress to the given writer); a failure throws <see cref="TargetResetException"/>.</summary>
    public Func<TextWriter, CancellationToken, Task>? ResetAction { get; init; }

    /// <summary>
    /// Runs made first and left out of the medians and spread (BenchmarkDotNet's warm-up iterations): the first run of a
    /// series is often its slowest, with a database just started or a bench process still compiling (results/gate.md).
    /// </summary>
    public int WarmUpRuns { get; init; }

    /// <summary>True when this is more than a plain run: several runs, a warm-up run, or a reset before the one.</summary>
    public bool IsRepeated => Count > 1 || WarmUpRuns > 0 || ResetCommand is not null || ResetAction is not null;

    /// <summary>Resets the target, if there is a reset: the action, or else the command.</summary>
    public Task ResetAsync(TextWriter error, CancellationToken cancellationToken) =>
        ResetAction?.Invoke(error, cancellationToken)
        ?? (ResetCommand is { } command ? TargetReset.RunAsync(command, error, cancellationToken) : Task.CompletedTask);

    /// <summary>Whether anything resets the target before each run.</summary>
    public bool Resets => ResetAction is not null || ResetCommand is not null;
}
