using System.CommandLine;
using System.Globalization;
using IsuBench.Bench.Repeat;
using IsuBench.Engine.Execution;
using IsuBench.Scenarios.Run;

namespace IsuBench.Bench.Commands;

/// <summary>
/// <c>run</c>'s options for one run in several segments: <c>--segment I/N</c>, <c>--start-at TIME</c>, <c>--skip-initial-check</c>,
/// read and checked together (docs/segments.md). Every mistake is a usage error (exit 2) with a message saying what to fix.
/// </summary>
internal sealed class SegmentOptionSet
{
    private readonly Option<string> _segment = new("--segment")
    {
        Description = "Run the I-th of N disjoint shares of the run's plan (every workload's virtual users and Matsuri instances, dealt from the seed) "
            + "and write its partial result segment-I-of-N.json into --out (required; the same folder for every segment on one machine); "
            + "segment 1 runs the initial check, the others wait for its outcome there. Merge with: isubench merge DIR --out DIR2.",
        HelpName = "I/N",
    };

    private readonly Option<string> _startAt = new("--start-at")
    {
        Description = "Start the load phase at this wall-clock time, UTC ISO-8601 (e.g. 2026-12-07T15:00:00Z), so that segments on several machines start together; refused when this machine's clock is past it.",
        HelpName = "TIME",
    };

    private readonly Option<string> _segmentFromEnv = new(SegmentFromEnvironment.OptionName)
    {
        Description = "Like --segment, the segment taken from an environment variable holding a 0-based index, of N segments: "
            + "index 0 is segment 1/N. "
            + "For the pods of a Kubernetes Indexed Job: --segment-from-env JOB_COMPLETION_INDEX/N (deploy/kubernetes). "
            + "With it, --skip-initial-check applies to the segments after the first.",
        HelpName = "VAR/N",
    };

    private readonly Option<bool> _skipInitialCheck = new("--skip-initial-check")
    {
        Description = "With --segment I/N and I > 1: do not wait for segment 1's initial check (segments without a shared folder); the load runs even if that check fails, and the merged result still fails then.",
    };

    /// <summary>True when <c>--segment I/N</c> or <c>--segment-from-env VAR/N</c> names a segment by hand.</summary>
    public bool NamesSegment(ParseResult parseResult) => parseResult.GetValue(_segment) is not null || parseResult.GetValue(_segmentFromEnv) is not null;

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public SegmentOptionSet(Command command)
    {
        command.Options.Add(_segment);
        command.Options.Add(_segmentFromEnv);
        command.Options.Add(_startAt);
        command.Options.Add(_skipInitialCheck);
    }

    /// <summary>What was asked: the options with the segment and start time, whether a partial result is written, or the usage error.</summary>
    public sealed record Reading(BenchmarkOptions Options, bool WritesPartial, string? Error);

    /// <summary>Reads the options into <paramref name="options"/>, checking them against the run's other settings and <paramref name="now"/>.</summary>
    public Reading Read(ParseResult parseResult, BenchmarkOptions options, RepeatSettings repeat, string? outDirectory, DateTimeOffset now)
    {
        string? segment = parseResult.GetValue(_segment);
        bool skipInitialCheck = parseResult.GetValue(_skipInitialCheck);
        if (parseResult.GetValue(_segmentFromEnv) is { } fromEnv)
        {
            if (segment is not null)
                return new(options, false, $"--segment and {SegmentFromEnvironment.OptionName} both name the segment: give one");
            segment = SegmentFromEnvironment.Resolve(fromEnv, Environment.GetEnvironmentVariable, out string? error);
            if (segment is null) return new(options, false, error);
            // Every pod of a Job runs the same arguments: the first segment runs the check whatever they say.
            skipInitialCheck &= !segment.StartsWith("1/", StringComparison.Ordinal);
        }
        return Check(segment, parseResult.GetValue(_startAt), skipInitialCheck, options, repeat, outDirectory, now);
    }

    /// <summary>The checks of <see cref="Read"/> on plain values.</summary>
    public static Reading Check(
        string? segmentText, string? startAtText, bool skipInitialCheck, BenchmarkOptions options, RepeatSettings repeat, string? outDirectory, DateTimeOffset now)
    {
        Reading Fail(string message) => new(options, false, message);
        DateTimeOffset? startAt = null;
        if (startAtText is not null)
        {
            if (!DateTimeOffset.TryParse(startAtText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                return Fail($"--start-at takes a UTC ISO-8601 time such as 2026-12-07T15:00:00Z, not '{startAtText}'");
            if (parsed <= now)
                return Fail($"--start-at {parsed.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} has passed: this machine's clock reads {now.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}. Give a later time (and check that the machines' clocks agree).");
            startAt = parsed;
        }
        if (segmentText is null)
        {
            if (skipInitialCheck) return Fail("--skip-initial-check is for segments after the first (--segment I/N with I > 1)");
            return new(options with { StartAt = startAt }, false, null);
        }
        if (Segment.Parse(segmentText, out var error) is not { } segment) return Fail(error!);
        if (options.Workload != LoadWorkload.Isucon) return Fail("--segment splits the isucon workload only; the gate workload's schedule runs in one process");
        if (options.CheckOnly) return Fail("--segment splits the load phase; a check-only run has none");
        if (repeat.IsRepeated) return Fail("--segment makes one run: --repeat, --warmup-runs and --reset-command are for whole runs (reset the target once, before starting the segments)");
        if (outDirectory is null) return Fail($"--segment {segment} needs --out DIR: the folder where segment-{segment.Index}-of-{segment.Count}.json goes (and, shared by the segments, the initial check's outcome)");
        if (skipInitialCheck && segment.RunsInitialCheck) return Fail($"--skip-initial-check: segment {segment} is the one that runs the initial check");
        return new(options with { Segment = segment, StartAt = startAt, SkipInitialCheck = skipInitialCheck }, true, null);
    }
}
