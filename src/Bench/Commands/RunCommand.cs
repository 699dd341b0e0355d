using System.CommandLine;
using IsuBench.Bench.Gate;
using IsuBench.Bench.Processes;
using IsuBench.Bench.Repeat;
using IsuBench.Bench.Reports;
using IsuBench.Scenarios.Run;

namespace IsuBench.Bench.Commands;

/// <summary><c>isubench run</c>: the initial check, then (if nothing critical failed) the load phase; writes results/&lt;run id&gt;/.</summary>
internal static class RunCommand
{
    /// <summary>The default baseline of the gate and of the JUnit score-gate case.</summary>
    public const string DefaultBaseline = "results/baseline.json";

    /// <summary>The <c>run</c> command.</summary>
    public static Command Build()
    {
        var command = new Command("run", "Run the benchmark: initial check, then the load phase; write results/<run id>/ (result.json, summary.md, report.html, junit.xml).");
        var shared = new BenchmarkOptionSet(command);
        var duration = CommandOptions.Integer("--duration", "Load phase length in seconds.", 60, 1, 3600, unit: "seconds");
        duration.HelpName = "SECONDS";
        var outDir = new Option<string>("--out") { Description = "Folder for the result files (default: results/<run id>, the id being the start time in UTC).", HelpName = "DIR" };
        var baseline = new Option<string>("--baseline")
        {
            Description = "Baseline result for the score-gate test case of junit.xml (skipped when the file does not exist).",
            DefaultValueFactory = _ => DefaultBaseline,
            HelpName = "FILE",
        };
        var maxDrop = GateCommand.MaxDropOption();
        var repeat = CommandOptions.Integer("--repeat", "Runs one after another; result.json keeps each (run-1/, run-2/, ...) and their median, range and coefficient of variation.", 1, 1, 100);
        repeat.HelpName = "N";
        var warmUpRuns = CommandOptions.Integer("--warmup-runs",
            "Runs before the --repeat runs, each after its reset too, to warm the target and its database: kept in warm-up-1/, ... and result.json, left out of the medians and spread; one that fails still fails the result.", 0, 0, 10);
        warmUpRuns.HelpName = "N";
        var workload = new Option<string>("--workload")
        {
            Description = "What the load phase sends: isucon (the contest's load, which grows with success; the score) or gate (a fixed, seeded schedule after a warm-up; latencies and deliveries to gate a build on).",
            DefaultValueFactory = _ => "isucon",
            HelpName = "NAME",
        };
        workload.AcceptOnlyFromAmong("isucon", "gate");
        var resetCommand = new Option<string>("--reset-command")
        {
            Description = "Shell command that resets the target to its initial data before each run, e.g. \"isubench data init --mysql '...'\"; a failure stops the runs (exit 4).",
            HelpName = "COMMAND",
        };
        var segments = new SegmentOptionSet(command);
        var processes = new ProcessesOptionSet(command);
        command.Options.Add(duration);
        command.Options.Add(outDir);
        command.Options.Add(baseline);
        command.Options.Add(maxDrop);
        command.Options.Add(workload);
        command.Options.Add(repeat);
        command.Options.Add(warmUpRuns);
        command.Options.Add(resetCommand);
        var cost = new CostOptionSet(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            // A segment that run --processes started: it stops when that process ends, however it ends.
            using var lifeline = parseResult.GetValue(processes.StopWhenStdinCloses)
                ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
                : null;
            if (lifeline is not null)
            {
                ParentLifeline.Watch(Console.OpenStandardInput(), lifeline);
                cancellationToken = lifeline.Token;
            }
            var options = shared.Read(parseResult, TimeSpan.FromSeconds(parseResult.GetValue(duration)), checkOnly: false) with
            {
                Workload = Enum.Parse<LoadWorkload>(parseResult.GetRequiredValue(workload), ignoreCase: true),
            };
            var repeated = new RepeatSettings(parseResult.GetValue(repeat), parseResult.GetValue(resetCommand)) { WarmUpRuns = parseResult.GetValue(warmUpRuns) };
            var configuration = parseResult.InvocationConfiguration;
            int processCount = parseResult.GetValue(processes.Processes);
            if (ProcessesOptionSet.Check(processCount, options, repeated, segments.NamesSegment(parseResult),
                    parseResult.GetValue(processes.ProgressFile) is not null) is { } processesProblem)
            {
                configuration.Error.WriteLine($"error: {processesProblem}");
                return ExitCodes.UsageError;
            }
            var segmentation = segments.Read(parseResult, options, repeated, parseResult.GetValue(outDir), DateTimeOffset.UtcNow);
            if (segmentation.Error is { } problem)
            {
                configuration.Error.WriteLine($"error: {problem}");
                return ExitCodes.UsageError;
            }
            options = segmentation.Options;
            var directory = parseResult.GetValue(outDir) ?? ResultFiles.NewRunDirectory(ResultFiles.DefaultRoot, DateTimeOffset.UtcNow);
            if (processCount > 1)
            {
                shared.WarnAboutDeprecated(parseResult, configuration.Error);
                if (cost.Given(parseResult))
                    configuration.Error.WriteLine(
                        "warning: --target-pid, --target-cgroup and --target-metrics are not measured with --processes: "
                        + "the merged result has no CPU per request (measure it with one process)");
                string folder = Path.GetFullPath(directory);
                var split = new ProcessesExecution.Request(
                    options, processCount, folder, parseResult.GetValue(baseline), parseResult.GetValue(maxDrop),
                    parseResult.GetValue(shared.NoProgress), parseResult.GetValue(shared.Json),
                    index => ChildCommandLine.Of(
                        parseResult, index, processCount, options.Seed, folder, SegmentChild.ProgressPathOf(folder, index)),
                    BenchExecutable.Current());
                return await ProcessesExecution.ExecuteAsync(split, configuration.Output, configuration.Error, cancellationToken);
            }
            var (costSources, stop) = cost.Prepare(parseResult, configuration.Error);
            if (stop is { } exitCode) return exitCode;
            using var _ = costSources;
            var request = new BenchmarkExecution.Request(options, directory, parseResult.GetValue(baseline), parseResult.GetValue(maxDrop),
                parseResult.GetValue(shared.NoProgress), parseResult.GetValue(shared.Json), CheckLines: false, shared.ReadMetricsExport(parseResult), repeated)
            {
                Cost = costSources,
                WritesPartial = segmentation.WritesPartial,
                ProgressFile = parseResult.GetValue(processes.ProgressFile),
            };
            shared.WarnAboutDeprecated(parseResult, configuration.Error);
            if (repeated.Count + repeated.WarmUpRuns > 1 && repeated.ResetCommand is null)
                configuration.Error.WriteLine("warning: without --reset-command, runs 2 and later start from the data the run before them left");
            return await BenchmarkExecution.ExecuteAsync(request, configuration.Output, configuration.Error, cancellationToken);
        });
        return command;
    }
}
