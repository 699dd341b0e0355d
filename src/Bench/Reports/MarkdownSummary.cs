using System.Globalization;
using System.Text;

namespace IsuBench.Bench.Reports;

/// <summary><c>summary.md</c>: the outcome (PASS or FAIL), repeated runs side by side, score by kind, the endpoint table, SSE delivery, errors (and when the most frequent rose) and failed checks.</summary>
internal static class MarkdownSummary
{
    /// <summary>The file name inside a run's folder.</summary>
    public const string FileName = "summary.md";

    /// <summary>The Markdown for <paramref name="result"/>, and its <paramref name="comparison"/> with a baseline when there was one.</summary>
    public static string Render(ResultDocument result, BaselineComparison? comparison = null)
    {
        var md = new StringBuilder();
        md.Append($"# IsuBench run {result.RunId}: {BaselineComparison.WordOf(result, comparison)}, score {result.Score}\n\n");
        if (comparison is not null) md.Append($"- {Cell(comparison.Line)}\n");
        md.Append($"- target: {string.Join(", ", result.Target)}\n");
        md.Append("- ").AppendJoin(", ", RunIdentity.Parts(result)).Append('\n');
        md.Append($"- seed {result.Seed}, load {(result.LoadRan ? $"{N(result.Options.DurationSeconds)} s" : "not run")}")
          .Append(result.Options.CompatRetry ? "" : ", honor retry").Append(result.Options.Strict == true ? ", strict" : "").Append('\n');
        md.Append($"- {result.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} to {result.EndedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC\n");
        md.Append($"- initial check: {(result.InitialCheckPassed ? "passed" : "FAILED")}")
          .Append(result.Interrupted ? "; the run was interrupted" : "").Append("\n\n");

        if (result.Repeat is { } repeat)
        {
            md.Append($"## {Quantity.Of(repeat.Count, "run")}\n\nThe score is their median; the tables below are {repeat.MedianRunId}'s, the run nearest the median.\n\n");
            if (repeat.WarmUp is { } warmUp)
                md.Append("Warm-up runs before them, not counted: ")
                  .AppendJoin(", ", warmUp.Select(r => $"{r.RunId} {(r.Pass ? "pass" : "FAIL")} {r.Score}")).Append(".\n\n");
            var kinds = result.Scores.Keys.ToList();
            md.Append("| run | result | score |").Append(string.Concat(kinds.Select(k => $" {k} |"))).Append('\n')
              .Append("|---|---|---:|").Append(string.Concat(kinds.Select(_ => "---:|"))).Append('\n');
            foreach (var run in repeat.Runs)
                md.Append($"| {run.RunId} | {(run.Pass ? "pass" : "FAIL")}{(run.Interrupted ? " (interrupted)" : "")} | {run.Score} |")
                  .Append(string.Concat(kinds.Select(k => $" {(run.Scores.TryGetValue(k, out var s) ? s.Points : 0)} |"))).Append('\n');
            md.Append("\n| figure | median | min | max | CV |\n|---|---:|---:|---:|---:|\n");
            foreach (var (figure, spread) in repeat.Spread)
                md.Append($"| {Cell(figure)} | {N(spread.Median)} | {N(spread.Min)} | {N(spread.Max)} | {ConsoleSummary.Percent(spread.CoefficientOfVariation)} |\n");
            md.Append('\n');
        }

        md.Append("## Score\n\n| kind | count | points |\n|---|---:|---:|\n");
        foreach (var (kind, score) in result.Scores)
            md.Append($"| {kind} | {score.Count} | {score.Points} |\n");
        md.Append($"| **total** | | **{result.Score}** |\n\n");

        md.Append("## Endpoints\n\n| endpoint | requests | errors | timeouts | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n")
          .Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var e in result.Endpoints)
            md.Append($"| {Cell(e.Endpoint)} | {e.Count} | {e.Errors} | {e.Timeouts} | {N(e.P50Ms)} | {N(e.P90Ms)} | {N(e.P99Ms)} | {N(e.P999Ms)} | {N(e.MaxMs)} |\n");
        md.Append('\n');

        var d = result.SseDelivery;
        md.Append($"## SSE delivery\n\n{Quantity.Of(d.Count, "stroke")} delivered; p50 {N(d.P50Ms)} ms, p90 {N(d.P90Ms)} ms, p99 {N(d.P99Ms)} ms, p99.9 {N(d.P999Ms)} ms, max {N(d.MaxMs)} ms.\n\n");
        md.Append("| delivered within | strokes |\n|---|---:|\n");
        foreach (var b in d.Histogram)
            md.Append($"| {(b.LeMs is { } le ? $"≤ {N(le)} ms" : "longer")} | {b.Count} |\n");
        md.Append('\n');

        md.Append(TlsSection.Markdown(result));
        md.Append(CostSection.Markdown(result));
        md.Append("## Errors\n\n");
        if (result.Errors.Count == 0) md.Append("None.\n\n");
        else
        {
            md.Append("| kind | count | message |\n|---|---:|---|\n");
            foreach (var e in result.Errors) md.Append($"| {e.Kind} | {e.Count} | {Cell(e.Message)} |\n");
            md.Append('\n');
        }
        if (result.UnlistedErrors > 0) md.Append($"{result.UnlistedErrors} more errors with messages beyond the ledger's limit.\n\n");
        ErrorsOverTime(md, result);

        md.Append("## Initial check\n\n| check | result | verdicts | seconds |\n|---|---|---:|---:|\n");
        foreach (var c in result.Checks)
            md.Append($"| {c.Name} | {(c.Skipped ? "skipped" : c.Passed ? "pass" : "FAIL")} | {c.Verdicts.Count} | {N(c.DurationSeconds)} |\n");
        md.Append('\n');
        foreach (var v in result.Checks.SelectMany(c => c.Verdicts).Where(v => !v.Passed))
            md.Append($"- {(v.Critical ? "**critical** " : v.Addition ? "warning " : "")}`{v.Rule}`: {Cell(v.Message)} [{Cell(v.Request)}] expected: {Cell(v.Expected)}; got: {Cell(v.Actual)}\n");
        return md.ToString();
    }

    // One line per most frequent message with the moment it rose, so a collapse in the charts has its cause in words.
    private static void ErrorsOverTime(StringBuilder md, ResultDocument result)
    {
        var rises = RisingErrors.Of(result);
        if (rises.Count == 0) return;
        md.Append("## Errors over time\n\nThe most frequent messages and when each rose (seconds since the run began):\n\n");
        foreach (var r in rises)
            md.Append($"- #{r.Rank} from {S(r.RiseSeconds)} s: {Cell(r.Message)} ({r.Kind}, {r.Total} in all")
              .Append(r.FirstSeenSeconds < r.RiseSeconds ? $", first seen at {S(r.FirstSeenSeconds)} s" : "")
              .Append($"; at most {r.PeakCount} in one sample, at {S(r.PeakSeconds)} s)\n");
        md.Append('\n');
    }

    private static string S(double seconds) => seconds.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Text for a table cell, which must not break the row: pipes are escaped and line breaks become spaces.</summary>
    public static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
