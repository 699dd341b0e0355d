using IsuBench.Bench.Compare;
using IsuBench.Bench.Cost;
using IsuBench.Bench.Figures;
using IsuBench.Bench.Gate;
using IsuBench.Bench.Preflight;
using IsuBench.Bench.Progress;
using IsuBench.Bench.Repeat;
using IsuBench.Bench.Reports;
using IsuBench.Bench.Segments;
using IsuBench.Bench.Telemetry;
using IsuBench.Scenarios.Run;

namespace IsuBench.Bench.Commands;

/// <summary>
/// What <c>run</c>, <c>check</c> and <c>demo</c> do with a benchmark: probe the targets, run with progress, write the
/// result files, print the summary (or the JSON), and map the outcome to an exit code. Pass and score come from the run.
/// </summary>
internal static class BenchmarkExecution
{
    /// <summary>How to run and where to report.</summary>
    /// <param name="Options">The benchmark's options.</param>
    /// <param name="OutDirectory">The run's folder; null writes no files.</param>
    /// <param name="BaselinePath">A baseline to compare the result with; ignored when the file does not exist.</param>
    /// <param name="MaxDrop">The gate's allowed drop.</param>
    /// <param name="NoProgress">No live progress.</param>
    /// <param name="Json">Print result.json to stdout and the human summary to stderr.</param>
    /// <param name="CheckLines">Print one line per check (the <c>check</c> command).</param>
    /// <param name="MetricsExport">Where live metrics go while the run goes on.</param>
    /// <param name="Repeat">Several runs, each after a reset of the target; null for one run.</param>
    /// <param name="BaselineDecides">
    /// The comparison with the baseline is part of the outcome and the exit code (3 FAIL, 5 INCONCLUSIVE): <c>demo
    /// --baseline</c>. Otherwise it is junit.xml's score-gate case only, labelled so wherever it is shown (<c>run</c>).
    /// </param>
    public sealed record Request(
        BenchmarkOptions Options, string? OutDirectory, string? BaselinePath, decimal MaxDrop, bool NoProgress, bool Json, bool CheckLines,
        MetricsExportSettings MetricsExport, RepeatSettings? Repeat = null, bool BaselineDecides = false)
    {
        /// <summary>The server's CPU sources to measure per request beside the latencies (<c>run --target-pid</c> ...); the bench's own CPU is measured whatever this holds.</summary>
        public CostSources? Cost { get; init; }

        /// <summary>A segment of a run (<c>run --segment I/N</c>): writes its partial result into <see cref="OutDirectory"/>, for <c>isubench merge</c>, instead of the result files.</summary>
        public bool WritesPartial { get; init; }

        /// <summary>
        /// Where a segment that <c>run --processes N</c> started writes its progress for the panel of all
        /// (<see cref="Progress.ProgressFile"/>); null for none.
        /// </summary>
        public string? ProgressFile { get; init; }
    }

    /// <summary>Runs the benchmark (once, or as <see cref="Request.Repeat"/> says); returns the exit code (0 pass, 1 failed, 4 unreachable or reset failed, 130 interrupted).</summary>
    public static async Task<int> ExecuteAsync(Request request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // One export for all runs: a dashboard sees them one after another. Disposed before the files are written,
        // so the collector has the last numbers when the command ends.
        var metricsExport = MetricsExport.Start(request.MetricsExport);
        var human = request.Json ? error : output;
        Outcome outcome;
        try
        {
            var repeat = request.Repeat ?? RepeatSettings.Once;
            if (request.WritesPartial)
            {
                outcome = await RunOnceAsync(request, request.OutDirectory, human, error, firstRun: true, cancellationToken);
                if (outcome.Document is not { } segmentDocument) return outcome.ExitCode!.Value;
                metricsExport?.Dispose();
                metricsExport = null;
                return await ReportPartialAsync(request, outcome, segmentDocument, output, human);
            }
            outcome = repeat.IsRepeated
                ? await RunRepeatedAsync(request, repeat, human, error, cancellationToken)
                : await RunOnceAsync(request, request.OutDirectory, human, error, firstRun: true, cancellationToken);
        }
        finally
        {
            metricsExport?.Dispose();
        }
        if (outcome.Document is not { } document) return outcome.ExitCode!.Value;

        // Not cancellable: after Ctrl+C the partial result is still compared and written.
        var comparison = await CompareWithBaselineAsync(
            document, request.BaselinePath, request.MaxDrop, request.BaselineDecides, error, CancellationToken.None);
        return await ReportAsync(document, comparison, outcome.ExitCode, request.OutDirectory, request.Json, output, human);
    }

    /// <summary>
    /// Prints the summary, writes the result files into <paramref name="directory"/> (when not null) and returns the exit
    /// code, all from one verdict (<see cref="BaselineComparison.DecisionOf"/>): the run's, and the baseline's when that
    /// comparison decides. <paramref name="stoppedWith"/> is the exit code of what stopped repeated runs early, if anything did.
    /// </summary>
    public static async Task<int> ReportAsync(
        ResultDocument document, BaselineComparison? comparison, int? stoppedWith, string? directory, bool json, TextWriter output, TextWriter human)
    {
        await human.WriteAsync(ConsoleSummary.Render(document, comparison));
        if (directory is not null)
        {
            await ResultFiles.WriteAsync(directory, document, comparison, CancellationToken.None);
            await human.WriteLineAsync($"results: {directory}{Path.DirectorySeparatorChar} (result.json, summary.md, report.html, junit.xml)");
            await human.WriteLineAsync($"report: {Path.GetFullPath(Path.Combine(directory, HtmlReport.FileName))}");
        }
        if (json) await output.WriteLineAsync(ResultJson.Serialize(document));
        return stoppedWith ?? ExitCodeOf(document, comparison);
    }

    // A segment: its summary, and its partial result (with the raw histograms) where `isubench merge` finds it.
    private static async Task<int> ReportPartialAsync(Request request, Outcome outcome, ResultDocument document, TextWriter output, TextWriter human)
    {
        await human.WriteAsync(ConsoleSummary.Render(document, null));
        var partial = PartialResultFile.From(outcome.Result!, outcome.Run!.Metrics, document);
        if (request.OutDirectory is { } directory)
        {
            string path = await PartialResultFile.WriteAsync(directory, partial, CancellationToken.None);
            await human.WriteLineAsync($"segment {request.Options.Segment}: partial result {path}; merge the segments with: isubench merge {directory} --out DIR");
        }
        if (request.Json) await output.WriteLineAsync(PartialResultFile.Serialize(partial));
        return ExitCodeOf(document, null);
    }

    /// <summary>130 interrupted, 1 the run failed, else by the verdict: 3 FAIL and 5 INCONCLUSIVE against a deciding baseline, 0 PASS.</summary>
    public static int ExitCodeOf(ResultDocument document, BaselineComparison? comparison) =>
        document.Interrupted ? ExitCodes.Interrupted
        : !document.Pass ? ExitCodes.BenchmarkFailed
        : BaselineComparison.DecisionOf(document, comparison) switch
        {
            GateDecision.Fail => ExitCodes.Regression,
            GateDecision.Inconclusive => ExitCodes.Inconclusive,
            _ => ExitCodes.Pass,
        };

    /// <summary>A finished run's document, the exit code of what stopped it before there was one, or both when repeated runs stopped early.</summary>
    private sealed record Outcome(ResultDocument? Document, int? ExitCode)
    {
        /// <summary>The run behind <see cref="Document"/>, with its metrics (a segment's partial result reads its histograms).</summary>
        public BenchmarkRun? Run { get; init; }

        /// <summary>The run's result.</summary>
        public BenchmarkResult? Result { get; init; }
    }

    // The first run checks that every CPU source can be read, after the target answers (a reset may have just started it):
    // one that cannot stops the command (2, or 4 unreachable). Later runs report such a source missing and go on.
    private static async Task<Outcome> RunOnceAsync(
        Request request, string? directory, TextWriter human, TextWriter error, bool firstRun, CancellationToken cancellationToken)
    {
        var (unreachable, server) = await ProbeAsync(request.Options, error, cancellationToken);
        if (unreachable is not null) return new Outcome(null, unreachable);
        IReadOnlyList<ICpuSource> targets;
        try
        {
            targets = request.Cost is null ? [] : await request.Cost.OpenAsync(strict: firstRun, cancellationToken);
        }
        catch (CpuSourceException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            if (e.Unreachable) await error.WriteLineAsync("Start the server under test first, or fix --target-metrics.");
            return new Outcome(null, e.Unreachable ? ExitCodes.EnvironmentMissing : ExitCodes.UsageError);
        }
        var run = new BenchmarkRun(request.Options, relay: RelayOf(request, directory));
        await using var meter = CostMeterOf(targets, run);
        var mode = ProgressDisplay.Choose(request.NoProgress, error);
        using var stopProgress = new CancellationTokenSource();
        var progress = Task.WhenAll(
            ProgressDisplay.RunAsync(mode, ProgressSampler.Of(run).Sample, error, stopProgress.Token),
            request.ProgressFile is { } progressFile
                ? Progress.ProgressFile.RunAsync(
                    ProgressSampler.Of(run).Sample, progressFile, Progress.ProgressFile.Interval, stopProgress.Token)
                : Task.CompletedTask);
        BenchmarkResult result;
        try
        {
            result = await run.RunAsync(cancellationToken);
        }
        finally
        {
            await stopProgress.CancelAsync();
            await progress;
        }
        string runId = RunId(directory, result.StartedAt);
        if (request.CheckLines)
            foreach (var check in result.Checks)
            {
                await human.WriteLineAsync($"{(check.Skipped ? "SKIP" : check.Passed ? "PASS" : "FAIL")} {check.Name} ({Quantity.Of(check.Verdicts.Count, "verdict")}, {check.Duration.TotalSeconds:F1} s)");
                foreach (var verdict in check.Verdicts.Where(v => !v.Passed)) await human.WriteLineAsync($"    {verdict}");
            }
        var document = ResultDocument.From(result, runId, BenchVersion.Current) with { ServerProfile = server.Profile, ServerVersion = server.Version };
        if (await meter.FinishAsync() is { } cost)
        {
            document = CostFigures.Attach(document, cost);
            foreach (var source in cost.Sources.Where(s => s.Missing is not null))
                await error.WriteLineAsync($"warning: {source.Name}: CPU per request not measured: {source.Missing}");
        }
        return new Outcome(document, null) { Run = run, Result = result };
    }

    // A segment shares segment 1's initial check through the run's folder, unless told to skip it.
    private static CheckOutcomeFile? RelayOf(Request request, string? directory)
    {
        if (!request.WritesPartial || directory is null || request.Options.SkipInitialCheck) return null;
        var relay = new CheckOutcomeFile(directory, request.Options);
        if (request.Options.Segment.RunsInitialCheck) relay.RemoveStale();
        return relay;
    }

    // What the run's sources (and the bench itself) spend over its measured window, read at the window's two ends.
    private static CostMeter CostMeterOf(IReadOnlyList<ICpuSource> targets, BenchmarkRun run)
    {
        var meter = new CostMeter(targets, new BenchProcessCpu(), () => run.Elapsed);
        meter.Listen(run.Metrics.Window);
        meter.StartSeries(TimeSpan.FromSeconds(1));
        return meter;
    }

    // Each run: reset the target, make sure it answers, run, write the run's own files into its folder (warm-up-<i>/
    // for the warm-up runs, then run-<i>/). Stops early on Ctrl+C, a failed reset or an unreachable target; what ran is
    // still summarized, and the exit code says why it stopped.
    private static async Task<Outcome> RunRepeatedAsync(
        Request request, RepeatSettings repeat, TextWriter human, TextWriter error, CancellationToken cancellationToken)
    {
        var runs = new List<ResultDocument>();
        var warmUp = new List<ResultDocument>();
        int? stoppedWith = null;
        for (int i = 1; i <= repeat.WarmUpRuns + repeat.Count && stoppedWith is null; i++)
        {
            bool warming = i <= repeat.WarmUpRuns;
            var (id, label) = warming
                ? ($"warm-up-{i}", $"warm-up run {i}/{repeat.WarmUpRuns}")
                : ($"run-{i - repeat.WarmUpRuns}", $"run {i - repeat.WarmUpRuns}/{repeat.Count}");
            if (repeat.Resets)
            {
                await error.WriteLineAsync($"{label}: resetting the target");
                try
                {
                    await repeat.ResetAsync(error, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    stoppedWith = ExitCodes.Interrupted;
                    break;
                }
                catch (TargetResetException e)
                {
                    await error.WriteLineAsync($"error: {e.Message}");
                    stoppedWith = ExitCodes.EnvironmentMissing;
                    break;
                }
            }
            string? runDirectory = request.OutDirectory is null ? null : Path.Combine(request.OutDirectory, id);
            var outcome = await RunOnceAsync(request, runDirectory, human, error, firstRun: i == 1, cancellationToken);
            if (outcome.Document is null)
            {
                stoppedWith = outcome.ExitCode;
                break;
            }
            var document = outcome.Document! with { RunId = id };
            (warming ? warmUp : runs).Add(document);
            if (runDirectory is not null) await ResultFiles.WriteAsync(runDirectory, document, comparison: null, CancellationToken.None);
            await error.WriteLineAsync(RepeatProgress.Text(label, document, warming));
            if (document.Interrupted) stoppedWith = ExitCodes.Interrupted;
        }
        if (runs.Count == 0) return new Outcome(null, stoppedWith ?? ExitCodes.Interrupted);
        if (stoppedWith is not null && runs.Count < repeat.Count)
            await error.WriteLineAsync($"stopped after {runs.Count} of {repeat.Count} runs; the result summarizes those");
        return new Outcome(RepeatDocument.Summarize(runs, RunId(request.OutDirectory, runs[0].StartedAt), warmUp), stoppedWith);
    }

    // A run is named after its folder, or after its start time when it writes none.
    private static string RunId(string? directory, DateTimeOffset startedAt) =>
        directory is null
            ? startedAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture)
            : Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));

    /// <summary>The exit code when a target is unreachable (having said so), else null; and what the targets said of themselves.</summary>
    public static async Task<(int? ExitCode, ServerIdentity Server)> ProbeAsync(
        BenchmarkOptions options, TextWriter error, CancellationToken cancellationToken)
    {
        var probe = await TargetProbe.ProbeAsync(options.Targets, cancellationToken);
        if (probe.Unreachable.Count == 0) return (null, probe.Server);
        foreach (var problem in probe.Unreachable) await error.WriteLineAsync($"error: {problem}");
        await error.WriteLineAsync(
            "Start the server under test first (or fix --target). To benchmark the reference on this machine: isubench demo");
        return (ExitCodes.EnvironmentMissing, probe.Server);
    }

    /// <summary>
    /// The comparison of <paramref name="document"/> with the baseline at <paramref name="baselinePath"/>; null when there is none
    /// to compare with.
    /// </summary>
    public static async Task<BaselineComparison?> CompareWithBaselineAsync(
        ResultDocument document, string? baselinePath, decimal maxDrop, bool baselineDecides, TextWriter error,
        CancellationToken cancellationToken)
    {
        if (baselinePath is null) return null;
        if (!File.Exists(baselinePath))
        {
            if (baselineDecides)
                await error.WriteLineAsync($"warning: {baselinePath} does not exist; the result is not compared with a baseline");
            return null;
        }
        try
        {
            var baseline = await ScoreFile.ReadAsync(baselinePath, cancellationToken);
            return new BaselineComparison(baselinePath, ScoreGate.Evaluate(RecordOf(document), baseline, maxDrop), baselineDecides);
        }
        catch (GateInputException e)
        {
            await error.WriteLineAsync($"warning: not compared with the baseline (the score gate case of junit.xml is skipped): {e.Message}");
            return null;
        }
    }

    // The run as the gate reads a result file: its runs of --repeat and the gate workload's gated figures too, so that
    // junit.xml's case judges what `isubench gate` would.
    private static ScoreRecord RecordOf(ResultDocument document) => new(document.Pass, document.Score, document.Messages)
    {
        GateFigures = GatedFigures(document.GateFigures),
        Runs = document.Repeat?.Runs
            .Select(run => new ScoreRecord(run.Pass, run.Score, []) { RunId = run.RunId, GateFigures = GatedFigures(run.GateFigures) })
            .ToList() ?? [],
    };

    private static List<GateFigure>? GatedFigures(IReadOnlyDictionary<string, GateFigureDocument>? figures) =>
        figures?.Where(f => f.Value.Gated)
            .Select(f => new GateFigure(f.Key, f.Value.Value, f.Value.Better == GateFigureDocument.Lower ? BetterWhen.Lower : BetterWhen.Higher))
            .ToList();
}
