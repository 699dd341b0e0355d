using IsuBench.Bench.Gate;
using IsuBench.Bench.Preflight;
using IsuBench.Bench.Progress;
using IsuBench.Bench.Reports;
using IsuBench.Bench.Telemetry;
using IsuBench.Scenarios.Run;

namespace IsuBench.Bench.Commands;

/// <summary>
/// What <c>run</c>, <c>check</c> and <c>demo</c> do with a benchmark: probe the targets, run with progress, write the
/// result files, print the summary (or the JSON), and map the outcome to an exit code. Pass and score come from the run.
/// </summary>
public static class BenchmarkExecution
{
    /// <summary>How to run and where to report.</summary>
    /// <param name="Options">The benchmark's options.</param>
    /// <param name="OutDirectory">The run's folder; null writes no files.</param>
    /// <param name="BaselinePath">A baseline for the JUnit score-gate case; ignored when the file does not exist.</param>
    /// <param name="MaxDrop">The gate's allowed drop.</param>
    /// <param name="NoProgress">No live progress.</param>
    /// <param name="Json">Print result.json to stdout and the human summary to stderr.</param>
    /// <param name="CheckLines">Print one line per check (the <c>check</c> command).</param>
    /// <param name="MetricsExport">Where live metrics go while the run goes on.</param>
    public sealed record Request(
        BenchmarkOptions Options, string? OutDirectory, string? BaselinePath, decimal MaxDrop, bool NoProgress, bool Json, bool CheckLines,
        MetricsExportSettings MetricsExport);

    /// <summary>Runs the benchmark; returns the exit code (0 pass, 1 failed, 4 unreachable, 130 interrupted).</summary>
    public static async Task<int> ExecuteAsync(Request request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var unreachable = await TargetProbe.FindUnreachableAsync(request.Options.Targets, cancellationToken);
        if (unreachable.Count > 0)
        {
            foreach (var problem in unreachable) await error.WriteLineAsync($"error: {problem}");
            await error.WriteLineAsync(
                "Start the server under test first (or fix --target). To benchmark the reference on this machine: isubench demo");
            return ExitCodes.EnvironmentMissing;
        }

        // Disposed before the files are written: the collector has the run's last numbers when the command ends.
        var metricsExport = MetricsExport.Start(request.MetricsExport);
        var run = new BenchmarkRun(request.Options);
        var mode = ProgressDisplay.Choose(request.NoProgress, error);
        using var stopProgress = new CancellationTokenSource();
        var progress = ProgressDisplay.RunAsync(mode, ProgressSampler.Of(run), error, stopProgress.Token);
        BenchmarkResult result;
        try
        {
            result = await run.RunAsync(cancellationToken);
        }
        finally
        {
            await stopProgress.CancelAsync();
            await progress;
            metricsExport?.Dispose();
        }

        string? directory = request.OutDirectory;
        string runId = directory is null
            ? result.StartedAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture)
            : Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        var document = ResultDocument.From(result, runId, BenchVersion.Current);
        // Not cancellable: after Ctrl+C the partial result is still compared and written.
        var gate = await GateAgainstBaselineAsync(document, request.BaselinePath, request.MaxDrop, error, CancellationToken.None);

        var human = request.Json ? error : output;
        if (request.CheckLines)
            foreach (var check in result.Checks)
            {
                await human.WriteLineAsync($"{(check.Skipped ? "SKIP" : check.Passed ? "PASS" : "FAIL")} {check.Name} ({check.Verdicts.Count} verdicts, {check.Duration.TotalSeconds:F1} s)");
                foreach (var verdict in check.Verdicts.Where(v => !v.Passed)) await human.WriteLineAsync($"    {verdict}");
            }
        await human.WriteAsync(ConsoleSummary.Render(document));
        if (directory is not null)
        {
            await ResultFiles.WriteAsync(directory, document, gate, CancellationToken.None);
            await human.WriteLineAsync($"results: {directory}{Path.DirectorySeparatorChar} (result.json, summary.md, report.html, junit.xml)");
            await human.WriteLineAsync($"report: {Path.GetFullPath(Path.Combine(directory, HtmlReport.FileName))}");
        }
        if (request.Json) await output.WriteLineAsync(ResultJson.Serialize(document));

        return result.Interrupted ? ExitCodes.Interrupted : result.Pass ? ExitCodes.Pass : ExitCodes.BenchmarkFailed;
    }

    private static async Task<GateOutcome?> GateAgainstBaselineAsync(
        ResultDocument document, string? baselinePath, decimal maxDrop, TextWriter error, CancellationToken cancellationToken)
    {
        if (baselinePath is null || !File.Exists(baselinePath)) return null;
        try
        {
            var baseline = await ScoreFile.ReadAsync(baselinePath, cancellationToken);
            return ScoreGate.Evaluate(new ScoreRecord(document.Pass, document.Score, document.Messages), baseline, maxDrop);
        }
        catch (GateInputException e)
        {
            await error.WriteLineAsync($"warning: the score gate case of junit.xml is skipped: {e.Message}");
            return null;
        }
    }
}
