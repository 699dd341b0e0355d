namespace IsuBench.Bench.Repeat;

/// <summary>How many runs one after another (<c>--repeat</c>), and the command that resets the target before each (<c>--reset-command</c>), if any.</summary>
public sealed record RepeatSettings(int Count, string? ResetCommand)
{
    /// <summary>One run, no reset: a plain <c>run</c>.</summary>
    public static RepeatSettings Once { get; } = new(1, null);

    /// <summary>True when this is more than a plain run: several runs, or a reset before the one.</summary>
    public bool IsRepeated => Count > 1 || ResetCommand is not null;
}
