namespace IsuBench.Bench.Progress;

/// <summary>Chooses and runs the progress display: none with --no-progress, live on a terminal, plain lines otherwise.</summary>
internal static class ProgressDisplay
{
    /// <summary>The interval of plain progress lines.</summary>
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    /// <summary>How progress is shown.</summary>
    public enum Mode
    {
        /// <summary>Nothing.</summary>
        Off,

        /// <summary>A line per interval.</summary>
        Plain,

        /// <summary>A live panel (terminal only).</summary>
        Live,
    }

    /// <summary>The mode for a run writing progress to <paramref name="error"/>: live only when it is the process's stderr and that is a terminal.</summary>
    public static Mode Choose(bool noProgress, TextWriter error) =>
        noProgress ? Mode.Off
        : ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? Mode.Live
        : Mode.Plain;

    /// <summary>Runs the display until cancelled.</summary>
    public static Task RunAsync(Mode mode, Func<ProgressSnapshot> sample, TextWriter error, CancellationToken cancellationToken) =>
        mode switch
        {
            Mode.Live => LiveProgress.RunAsync(sample, error, cancellationToken),
            Mode.Plain => PlainProgress.RunAsync(sample, error, PlainInterval, cancellationToken),
            _ => Task.CompletedTask,
        };
}
