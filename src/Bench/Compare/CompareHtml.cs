using System.Text;
using IsuBench.Bench.Figures;
using IsuBench.Bench.Reports;
using IsuBench.Bench.Reports.Charts;
using static IsuBench.Bench.Reports.Charts.SvgText;

namespace IsuBench.Bench.Compare;

/// <summary>
/// <c>compare.html</c>: one self-contained page (inline CSS and SVG, no script, nothing fetched) with the sides' charts
/// paired (a bar per side) and the tables of compare.md, changes coloured.
/// </summary>
internal static class CompareHtml
{
    /// <summary>The file name in the output folder.</summary>
    public const string FileName = "compare.html";

    /// <summary>The colour of a change for the better; sides are drawn in <see cref="ChartPalette.Side"/>'s blues and greys, never in it.</summary>
    public const string BetterColor = "#1b7a1b";

    /// <summary>The colour of a change for the worse; never a side's colour.</summary>
    public const string WorseColor = "#c62828";

    /// <summary>The ids of the charts, in page order.</summary>
    public static readonly IReadOnlyList<string> ChartIds = ["chart-compare-score", "chart-compare-p50", "chart-compare-p99", "chart-compare-delivery"];

    /// <summary>The page for <paramref name="comparison"/>.</summary>
    public static string Render(RunComparison comparison)
    {
        var sides = comparison.Sides;
        string names = string.Join(" vs ", sides.Select(s => s.Label));
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append($"<title>IsuBench comparison: {Escape(names)}</title>")
            // Wide enough for two 760 px charts side by side.
            .Append("<style>").Append(HtmlReport.SharedStyle).Append("body{max-width:1560px}")
            .Append($"td.better{{color:{BetterColor};font-weight:bold}}td.worse{{color:{WorseColor};font-weight:bold}}.pair{{display:flex;flex-wrap:wrap;gap:16px}}")
            .Append(".swatch{display:inline-block;width:12px;height:12px;margin-right:6px;vertical-align:-1px}")
            .Append("</style></head><body>");
        html.Append($"<h1>IsuBench comparison: {Escape(names)}</h1>");
        HeadlineTable(html, comparison);
        html.Append($"<p>{Escape(FigureText.Legend(comparison))}</p>");
        html.Append("<table id=\"sides\"><tr><th>side</th><th>source</th><th>runs</th><th>passed</th></tr>");
        for (int i = 0; i < sides.Count; i++)
        {
            var side = sides[i];
            html.Append($"<tr><td><span class=\"swatch\" style=\"background:{ChartPalette.Side(i)}\"></span>{Escape(side.Label)}</td><td>{Escape(side.Source)}</td><td class=\"n\">{side.Runs.Count}</td><td class=\"n\">{FigureText.Passed(side)}</td></tr>");
        }
        html.Append("</table>");
        if (comparison.Notes.Count > 0)
            html.Append("<ul id=\"notes\">").Append(string.Concat(comparison.Notes.Select(n => $"<li>{Escape(n)}</li>"))).Append("</ul>");

        html.Append("<h2>Score</h2>");
        HtmlReport.Figure(html, "Score by kind (median per side)", BarChart.Render(ChartIds[0], "Score by kind", "points",
            comparison.Scores.Select(f => f.Name).ToList(), PerSide(comparison, comparison.Scores), logarithmic: false, ChartPalette.Side));
        ScoreTable(html, comparison);

        html.Append("<h2>Endpoints</h2><div class=\"pair\">");
        var called = comparison.Endpoints.Where(e => e.P50Ms.Sides.Any(s => s.Spread is not null)).ToList();
        HtmlReport.Figure(html, "p50 per endpoint, ms", BarChart.Render(ChartIds[1], "p50 latency per endpoint", "milliseconds",
            called.Select(e => e.Endpoint).ToList(), PerSide(comparison, called.Select(e => e.P50Ms).ToList()), logarithmic: true, ChartPalette.Side));
        HtmlReport.Figure(html, "p99 per endpoint, ms", BarChart.Render(ChartIds[2], "p99 latency per endpoint", "milliseconds",
            called.Select(e => e.Endpoint).ToList(), PerSide(comparison, called.Select(e => e.P99Ms).ToList()), logarithmic: true, ChartPalette.Side));
        html.Append("</div>");
        EndpointTable(html, comparison);

        html.Append("<h2>SSE delivery</h2>");
        HtmlReport.Figure(html, "SSE delivery latency (POST sent → stroke received), % of each side's deliveries", BarChart.Render(ChartIds[3],
            "SSE delivery latency histogram", "% of deliveries",
            comparison.Delivery.Buckets.Select(b => b.Name).ToList(), PerSide(comparison, comparison.Delivery.Buckets), logarithmic: false, ChartPalette.Side));
        WideTable(html, comparison, "delivery", "figure", comparison.Delivery.Figures);
        WideTable(html, comparison, "delivery-histogram", "delivered, % of deliveries", comparison.Delivery.Buckets);

        var oneSided = comparison.OneSidedErrors.ToList();
        html.Append("<h2>Errors on some sides only</h2>");
        ErrorTable(html, comparison, "one-sided-errors", oneSided);
        html.Append("<h2>Errors on every side</h2>");
        ErrorTable(html, comparison, "shared-errors", comparison.Errors.Except(oneSided).ToList());
        html.Append("</body></html>\n");
        return html.ToString();
    }

    // One bar group per side: the sides' medians of each figure, 0 where a side has none.
    private static List<BarGroup> PerSide(RunComparison comparison, IReadOnlyList<ComparedFigure> figures) =>
        comparison.Sides.Select((side, i) => new BarGroup(side.Label, figures.Select(f => f.Sides[i].Spread?.Median ?? 0).ToList())).ToList();

    private static void HeadlineTable(StringBuilder html, RunComparison comparison)
    {
        html.Append("<h2>Headline</h2>").Append($"<p>{Escape(FigureText.HeadlineLegend(comparison))}</p>")
            .Append("<table id=\"headline\"><tr><th>figure</th>")
            .Append(string.Concat(comparison.Sides.Skip(1).Select(s => $"<th>{Escape(s.Label)}</th>"))).Append("</tr>");
        foreach (var figure in comparison.Headline)
        {
            html.Append($"<tr><td>{Escape(figure.Name)}</td>");
            for (int i = 1; i < comparison.Sides.Count; i++) html.Append(ColouredCell(FigureText.Ratio(figure, i), figure, i));
            html.Append("</tr>");
        }
        html.Append("</table>");
    }

    private static void ScoreTable(StringBuilder html, RunComparison comparison)
    {
        html.Append("<table id=\"scores\"><tr><th>kind</th><th>side</th><th>points</th>")
            .Append(comparison.SeveralRuns ? "<th>min–max</th><th>CV</th>" : "").Append("<th>change</th></tr>");
        foreach (var figure in comparison.Scores)
            for (int i = 0; i < comparison.Sides.Count; i++)
            {
                var side = figure.Sides[i];
                html.Append($"<tr><td>{(i == 0 ? Escape(figure.Name) : "")}</td><td>{Escape(comparison.Sides[i].Label)}</td><td class=\"n\">{FigureText.Median(side)}</td>");
                if (comparison.SeveralRuns) html.Append($"<td class=\"n\">{FigureText.Range(side)}</td><td class=\"n\">{FigureText.Variation(side)}</td>");
                html.Append(ChangeCell(figure, i)).Append("</tr>");
            }
        html.Append("</table>");
    }

    private static void EndpointTable(StringBuilder html, RunComparison comparison)
    {
        html.Append("<table id=\"endpoints\"><tr><th>endpoint</th><th>side</th><th>requests</th><th>change</th><th>errors</th><th>change</th>")
            .Append("<th>p50 ms</th><th>change</th><th>p99 ms</th><th>change</th></tr>");
        foreach (var endpoint in comparison.Endpoints)
            for (int i = 0; i < comparison.Sides.Count; i++)
            {
                html.Append($"<tr><td>{(i == 0 ? Escape(endpoint.Endpoint) : "")}</td><td>{Escape(comparison.Sides[i].Label)}</td>");
                foreach (var figure in new[] { endpoint.Requests, endpoint.Errors, endpoint.P50Ms, endpoint.P99Ms })
                    html.Append($"<td class=\"n\">{FigureText.Median(figure.Sides[i])}</td>").Append(ChangeCell(figure, i));
                html.Append("</tr>");
            }
        html.Append("</table>");
    }

    private static void WideTable(StringBuilder html, RunComparison comparison, string id, string first, IReadOnlyList<ComparedFigure> figures)
    {
        html.Append($"<table id=\"{id}\"><tr><th>{Escape(first)}</th>");
        for (int i = 0; i < comparison.Sides.Count; i++)
            html.Append($"<th>{Escape(comparison.Sides[i].Label)}</th>").Append(i > 0 ? "<th>change</th>" : "");
        html.Append("</tr>");
        foreach (var figure in figures)
        {
            html.Append($"<tr><td>{Escape(figure.Name)}</td>");
            for (int i = 0; i < comparison.Sides.Count; i++)
                html.Append($"<td class=\"n\">{FigureText.Median(figure.Sides[i])}</td>").Append(i > 0 ? ChangeCell(figure, i) : "");
            html.Append("</tr>");
        }
        html.Append("</table>");
    }

    private static void ErrorTable(StringBuilder html, RunComparison comparison, string id, IReadOnlyList<ErrorComparison> errors)
    {
        if (errors.Count == 0)
        {
            html.Append($"<p id=\"{id}\">None.</p>");
            return;
        }
        html.Append($"<table id=\"{id}\"><tr><th>kind</th><th>message</th>")
            .Append(string.Concat(comparison.Sides.Select(s => $"<th>{Escape(s.Label)}</th>"))).Append("</tr>");
        foreach (var error in errors)
            html.Append($"<tr><td>{Escape(error.Kind)}</td><td>{Escape(error.Message)}</td>")
                .Append(string.Concat(error.Sides.Select((tally, i) => $"<td class=\"n\">{FigureText.Tally(tally, comparison.Sides[i])}</td>")))
                .Append("</tr>");
        html.Append("</table>");
    }

    private static string ChangeCell(ComparedFigure figure, int index) => ColouredCell(FigureText.Change(figure, index), figure, index);

    // Green or red only for a change beyond the runs' spread.
    private static string ColouredCell(string text, ComparedFigure figure, int index)
    {
        string direction = figure.Direction(index) switch
        {
            ChangeDirection.Better => " better",
            ChangeDirection.Worse => " worse",
            _ => "",
        };
        return $"<td class=\"n{direction}\">{Escape(text)}</td>";
    }
}
