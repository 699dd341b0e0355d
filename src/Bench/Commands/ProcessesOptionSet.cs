using System.CommandLine;
using IsuBench.Bench.Repeat;
using IsuBench.Scenarios.Run;

namespace IsuBench.Bench.Commands;

/// <summary>
/// <c>run</c>'s <c>--processes N</c> (the run split into N segments, each in a process of its own on this machine, merged at the
/// end: docs/segments.md), with its checks, and the hidden <c>--progress-file</c> through which each of those processes tells
/// the first its progress. Every mistake is a usage error (exit 2) with a message saying why.
/// </summary>
internal sealed class ProcessesOptionSet
{
    /// <summary>The most processes one run may be split into.</summary>
    public const int MaxProcesses = 16;

    /// <summary>--processes N</summary>
    public Option<int> Processes { get; } = CommandOptions.Integer(
        "--processes",
        "Split the run into N segments, each in a process of its own on this machine with its own budget of open files, shown as one "
        + "progress panel and merged into one result at the end (segment-I.log holds each one's output); 1 runs in this process.",
        1, 1, MaxProcesses);

    /// <summary>--progress-file FILE: hidden; the segments <c>--processes</c> starts write their progress there.</summary>
    public Option<string> ProgressFile { get; } = new("--progress-file") { Hidden = true };

    /// <summary>
    /// --stop-when-stdin-closes: hidden; the segments <c>--processes</c> starts stop when it ends (<see cref="Processes.ParentLifeline"/>).
    /// </summary>
    public Option<bool> StopWhenStdinCloses { get; } = new("--stop-when-stdin-closes") { Hidden = true };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public ProcessesOptionSet(Command command)
    {
        Processes.HelpName = "N";
        command.Options.Add(Processes);
        command.Options.Add(ProgressFile);
        command.Options.Add(StopWhenStdinCloses);
    }

    /// <summary>
    /// Why <paramref name="processes"/> cannot be combined with the rest of the command line, or null when it can (or is 1, a run
    /// in this process as without the option). <paramref name="segmentGiven"/>: <c>--segment</c> was given.
    /// </summary>
    public static string? Check(int processes, BenchmarkOptions options, RepeatSettings repeat, bool segmentGiven, bool progressFileGiven)
    {
        if (processes == 1) return null;
        if (segmentGiven)
            return $"--processes {processes} starts its own segments 1/{processes} to {processes}/{processes}; "
                + "--segment (or --segment-from-env) runs one segment by hand: give one or the other";
        if (options.Workload != LoadWorkload.Isucon)
            return "--processes splits the isucon workload only; the gate workload's schedule runs in one process";
        if (options.CheckOnly) return "--processes splits the load phase; a check-only run has none";
        if (repeat.IsRepeated)
            return "--processes makes one run: --repeat, --warmup-runs and --reset-command are for whole runs of one process "
                + "(reset the target once, before the run)";
        if (progressFileGiven) return "--progress-file is for the segments --processes starts, which it gives their own";
        return null;
    }
}
