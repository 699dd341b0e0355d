using System.Globalization;
using System.Net;
using System.Text;
using IsuBench.Bench.Reports.Charts;

namespace IsuBench.Bench.Reports;

/// <summary>
/// <c>report.html</c>: one self-contained page (inline CSS and SVG, no script runs, nothing fetched) with the charts
/// of a run, its tables, and the full result as embedded JSON.
/// </summary>
internal static class HtmlReport
{
    /// <summary>The file name inside a run's folder.</summary>
    public const string FileName = "report.html";

    /// <summary>The ids of the charts, in page order.</summary>
    public static readonly IReadOnlyList<string> ChartIds =
        ["chart-score", "chart-rps", "chart-latency", "chart-watchers", "chart-errors", ErrorsOverTimeHtml.ChartId, "chart-delivery"];

    /// <summary>The id of the chart of repeated runs' scores, on the page only for <c>run --repeat</c>.</summary>
    public const string RunsChartId = "chart-runs";

    /// <summary>The CSS every report page shares (this one and compare.html): page, headings, tables, figures.</summary>
    public const string SharedStyle =
        "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:24px;color:#222}"
        + "h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ddd}"
        + "table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 8px}"
        + "td.n{text-align:right;font-variant-numeric:tabular-nums}figure{margin:12px 0}figcaption{font-weight:bold;margin-bottom:4px}";

    /// <summary>The page for <paramref name="result"/>, and its <paramref name="comparison"/> with a baseline when there was one.</summary>
    public static string Render(ResultDocument result, BaselineComparison? comparison = null)
    {
        var html = new StringBuilder();
        string outcome = BaselineComparison.WordOf(result, comparison);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append($"<title>IsuBench {E(result.RunId)}: {outcome}, score {result.Score}</title>")
            .Append("<style>").Append(SharedStyle).Append("body{max-width:1000px}")
            .Append(".outcome{display:inline-block;padding:2px 10px;border-radius:4px;color:#fff;font-weight:bold}")
            .Append(".pass{background:#2a8a2a}.fail{background:#c62828}")
            .Append("</style></head><body>");
        html.Append($"<h1>IsuBench run {E(result.RunId)} <span class=\"outcome {(outcome == "PASS" ? "pass" : "fail")}\">{outcome}</span></h1>");
        if (comparison is not null) html.Append($"<p id=\"baseline-comparison\">{E(comparison.Line)}</p>");
        html.Append($"<p>Score <strong id=\"score\">{result.Score}</strong> · target {E(string.Join(", ", result.Target))} · seed {result.Seed} · ")
            .Append($"load {(result.LoadRan ? $"{N(result.Options.DurationSeconds)} s" : "not run")}<br>")
            .Append("<span id=\"identity\">").AppendJoin(" · ", RunIdentity.Parts(result).Select(E)).Append("</span><br>")
            .Append($"{result.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} – {result.EndedAt.UtcDateTime:HH:mm:ss} UTC</p>");

        if (result.Repeat is { } repeat) Runs(html, result, repeat);

        var series = result.TimeSeries;
        // The moments the most frequent errors rose, marked on the charts that show a collapse.
        var rises = RisingErrors.Of(result);
        var marks = ErrorsOverTimeHtml.Marks(rises);
        Figure(html, "Score over time", LineChart.Render("chart-score", "Score over time", "seconds", "score",
            [new ChartSeries("score", series.Select(p => new ChartPoint(p.ElapsedSeconds, p.Score)).ToList())], marks));
        ErrorsOverTimeHtml.AppendMarksNote(html, rises);
        Figure(html, "Requests per second", LineChart.Render("chart-rps", "Requests per second", "seconds", "requests/s",
            [new ChartSeries("requests/s", series.Select(p => new ChartPoint(p.ElapsedSeconds, p.RequestsPerSecond)).ToList())]));
        var endpoints = result.Endpoints.Where(e => e.Count > 0).ToList();
        Figure(html, "Latency percentiles per endpoint", BarChart.Render("chart-latency", "Latency percentiles per endpoint", "milliseconds",
            endpoints.Select(e => e.Endpoint).ToList(),
            [
                new BarGroup("p50", endpoints.Select(e => e.P50Ms).ToList()),
                new BarGroup("p90", endpoints.Select(e => e.P90Ms).ToList()),
                new BarGroup("p99", endpoints.Select(e => e.P99Ms).ToList()),
                new BarGroup("p99.9", endpoints.Select(e => e.P999Ms).ToList()),
            ], logarithmic: true));
        Figure(html, "Connected watchers", LineChart.Render("chart-watchers", "Connected watchers", "seconds", "watchers",
            [new ChartSeries("watchers", series.Select(p => new ChartPoint(p.ElapsedSeconds, p.Watchers)).ToList())], marks));
        ErrorsOverTimeHtml.AppendMarksNote(html, rises);
        Figure(html, "Errors over time", LineChart.Render("chart-errors", "Errors over time", "seconds", "errors",
            [
                new ChartSeries("new errors per sample", NewErrors(series)),
                new ChartSeries("errors so far", series.Select(p => new ChartPoint(p.ElapsedSeconds, p.Errors)).ToList()),
            ]));
        ErrorsOverTimeHtml.Append(html, result, rises);
        var buckets = result.SseDelivery.Histogram;
        Figure(html, "SSE delivery latency (POST sent → stroke received)", BarChart.Render("chart-delivery", "SSE delivery latency", "deliveries",
            buckets.Select((b, i) => BucketLabel(buckets, i)).ToList(),
            [new BarGroup("deliveries", buckets.Select(b => (double)b.Count).ToList())], logarithmic: false));

        TlsSection.Html(html, result);
        CostSection.Html(html, result);
        Tables(html, result);
        // The whole result, so the page alone is enough to rebuild any number on it. '<' is escaped so no text can close the element.
        string json = ResultJson.Serialize(result).Replace("<", "\\u003c", StringComparison.Ordinal);
        html.Append("<script type=\"application/json\" id=\"result-data\">").Append(json).Append("</script>");
        html.Append("</body></html>\n");
        return html.ToString();
    }

    // Repeated runs side by side: their scores as bars, every run's outcome, and the spread of each figure.
    private static void Runs(StringBuilder html, ResultDocument result, RepeatDocument repeat)
    {
        html.Append($"<h2>{Quantity.Of(repeat.Count, "run")}</h2><p>The score is their median; the rest of the page shows {E(repeat.MedianRunId)}, the run nearest the median.</p>");
        Figure(html, "Score of each run", BarChart.Render(RunsChartId, "Score of each run", "score",
            repeat.Runs.Select(r => r.RunId).ToList(),
            [new BarGroup("score", repeat.Runs.Select(r => (double)r.Score).ToList())], logarithmic: false));
        var kinds = result.Scores.Keys.ToList();
        html.Append("<table id=\"runs\"><tr><th>run</th><th>result</th><th>score</th>").Append(string.Concat(kinds.Select(k => $"<th>{E(k)}</th>"))).Append("</tr>");
        foreach (var run in repeat.Runs)
            html.Append($"<tr><td>{E(run.RunId)}</td><td>{(run.Pass ? "pass" : "FAIL")}{(run.Interrupted ? " (interrupted)" : "")}</td><td class=\"n\">{run.Score}</td>")
                .Append(string.Concat(kinds.Select(k => $"<td class=\"n\">{(run.Scores.TryGetValue(k, out var s) ? s.Points : 0)}</td>"))).Append("</tr>");
        html.Append("</table><table id=\"spread\"><tr><th>figure</th><th>median</th><th>min</th><th>max</th><th>CV</th></tr>");
        foreach (var (figure, spread) in repeat.Spread)
            html.Append($"<tr><td>{E(figure)}</td><td class=\"n\">{N(spread.Median)}</td><td class=\"n\">{N(spread.Min)}</td><td class=\"n\">{N(spread.Max)}</td>")
                .Append($"<td class=\"n\">{ConsoleSummary.Percent(spread.CoefficientOfVariation)}</td></tr>");
        html.Append("</table>");
    }

    private static void Tables(StringBuilder html, ResultDocument result)
    {
        html.Append("<h2>Score by kind</h2><table><tr><th>kind</th><th>count</th><th>points</th></tr>");
        foreach (var (kind, score) in result.Scores)
            html.Append($"<tr><td>{E(kind)}</td><td class=\"n\">{score.Count}</td><td class=\"n\">{score.Points}</td></tr>");
        html.Append($"<tr><th>total</th><td></td><td class=\"n\"><strong>{result.Score}</strong></td></tr></table>");

        html.Append("<h2>Endpoints</h2><table id=\"endpoints\"><tr><th>endpoint</th><th>requests</th><th>errors</th><th>timeouts</th>")
            .Append("<th>p50 ms</th><th>p90 ms</th><th>p99 ms</th><th>p99.9 ms</th><th>max ms</th></tr>");
        foreach (var e in result.Endpoints)
            html.Append($"<tr><td>{E(e.Endpoint)}</td><td class=\"n\">{e.Count}</td><td class=\"n\">{e.Errors}</td><td class=\"n\">{e.Timeouts}</td>")
                .Append($"<td class=\"n\">{N(e.P50Ms)}</td><td class=\"n\">{N(e.P90Ms)}</td><td class=\"n\">{N(e.P99Ms)}</td><td class=\"n\">{N(e.P999Ms)}</td><td class=\"n\">{N(e.MaxMs)}</td></tr>");
        html.Append("</table>");

        var d = result.SseDelivery;
        html.Append($"<p>SSE deliveries: {d.Count} · p50 {N(d.P50Ms)} ms · p90 {N(d.P90Ms)} ms · p99 {N(d.P99Ms)} ms · p99.9 {N(d.P999Ms)} ms · max {N(d.MaxMs)} ms</p>");

        html.Append("<h2>Errors</h2>");
        if (result.Errors.Count == 0) html.Append("<p>None.</p>");
        else
        {
            html.Append("<table id=\"errors\"><tr><th>kind</th><th>count</th><th>first seen (UTC)</th><th>message</th></tr>");
            foreach (var e in result.Errors)
                html.Append($"<tr><td>{E(e.Kind)}</td><td class=\"n\">{e.Count}</td><td>{e.FirstSeen.UtcDateTime:HH:mm:ss.fff}</td><td>{E(e.Message)}</td></tr>");
            html.Append("</table>");
        }
        if (result.UnlistedErrors > 0) html.Append($"<p>{result.UnlistedErrors} more errors with messages beyond the ledger's limit.</p>");

        html.Append("<h2>Initial check</h2><table id=\"checks\"><tr><th>check</th><th>result</th><th>verdicts</th><th>seconds</th></tr>");
        foreach (var c in result.Checks)
            html.Append($"<tr><td>{E(c.Name)}</td><td>{(c.Skipped ? "skipped" : c.Passed ? "pass" : "FAIL")}</td><td class=\"n\">{c.Verdicts.Count}</td><td class=\"n\">{N(c.DurationSeconds)}</td></tr>");
        html.Append("</table>");
        var failed = result.Checks.SelectMany(c => c.Verdicts).Where(v => !v.Passed).ToList();
        if (failed.Count > 0)
        {
            html.Append("<table id=\"failed-checks\"><tr><th>rule</th><th>critical</th><th>message</th><th>request</th><th>expected</th><th>got</th></tr>");
            foreach (var v in failed)
                html.Append($"<tr><td>{E(v.Rule)}</td><td>{(v.Critical ? "yes" : v.Addition ? "warning" : "no")}</td><td>{E(v.Message)}</td><td>{E(v.Request)}</td><td>{E(v.Expected)}</td><td>{E(v.Actual)}</td></tr>");
            html.Append("</table>");
        }
    }

    private static List<ChartPoint> NewErrors(IReadOnlyList<TimeSeriesDocument> series)
    {
        var points = new List<ChartPoint>(series.Count);
        long previous = 0;
        foreach (var p in series)
        {
            points.Add(new ChartPoint(p.ElapsedSeconds, Math.Max(0, p.Errors - previous)));
            previous = p.Errors;
        }
        return points;
    }

    private static string BucketLabel(IReadOnlyList<DeliveryBucketDocument> buckets, int index) =>
        buckets[index].LeMs is { } le
            ? $"≤ {N(le)} ms"
            : $"> {N(index > 0 ? buckets[index - 1].LeMs ?? 0 : 0)} ms";

    /// <summary>Appends <paramref name="svg"/> as a figure with its caption.</summary>
    public static void Figure(StringBuilder html, string caption, string svg) =>
        html.Append($"<figure><figcaption>{E(caption)}</figcaption>{svg}</figure>");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
