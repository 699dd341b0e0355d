using System.Globalization;
using System.Net;
using System.Text;
using IsuBench.Bench.Reports.Charts;

namespace IsuBench.Bench.Reports;

/// <summary>
/// The errors over time in report.html: a chart of the most frequent messages sample by sample, a note saying when each rose, and
/// the marks of those moments that the score and watcher charts carry too, so a collapse shows next to its cause.
/// </summary>
public static class ErrorsOverTimeHtml
{
    /// <summary>The id of the chart of errors by message.</summary>
    public const string ChartId = "chart-error-messages";

    /// <summary>The id of the note under it.</summary>
    public const string NoteId = "error-rises";

    /// <summary>The series of every message not named.</summary>
    public const string OtherSeries = "other messages";

    private const string OtherColor = "#7f7f7f";

    /// <summary>The colour of the message ranked <paramref name="rank"/>: its line, its mark and its note share it (red first).</summary>
    public static string Color(int rank) => ChartPalette.Color(rank);

    /// <summary>The name of a message's line: its rank and the message.</summary>
    public static string SeriesName(RisingError error) => $"#{error.Rank} {error.Message}";

    /// <summary>A mark at the moment each message rose.</summary>
    public static IReadOnlyList<ChartMarker> Marks(IReadOnlyList<RisingError> rises) =>
        rises.Select(r => new ChartMarker(r.RiseSeconds, $"#{r.Rank} from {N(r.RiseSeconds)} s",
            $"#{r.Rank} {r.Message}: rose from {N(r.RiseSeconds)} s", Color(r.Rank))).ToList();

    /// <summary>Appends, under a chart that carries <see cref="Marks"/>, one line saying what they are; nothing when there are none.</summary>
    public static void AppendMarksNote(StringBuilder html, IReadOnlyList<RisingError> rises)
    {
        if (rises.Count == 0) return;
        html.Append("<p class=\"marks-note\">Dashed marks: when the most frequent errors rose (")
            .AppendJoin("; ", rises.Select(r => $"<span style=\"color:{Color(r.Rank)}\">#{r.Rank}</span> {E(Shortened(r.Message))} from {N(r.RiseSeconds)} s"))
            .Append("), see Errors over time by message.</p>");
    }

    /// <summary>Appends the chart and its note.</summary>
    public static void Append(StringBuilder html, ResultDocument result, IReadOnlyList<RisingError> rises)
    {
        var times = result.TimeSeries.Select(p => p.ElapsedSeconds).ToList();
        var series = rises
            .Select(r => new ChartSeries(SeriesName(r), r.Counts.Select((c, i) => new ChartPoint(times[i], c)).ToList(), Color(r.Rank)))
            .Append(new ChartSeries(OtherSeries, RisingErrors.Others(result, rises).Select((c, i) => new ChartPoint(times[i], c)).ToList(), OtherColor))
            .ToList();
        HtmlReport.Figure(html, "Errors over time by message", LineChart.Render(ChartId, "Errors over time by message", "seconds",
            "new errors per sample", series, Marks(rises), legendRows: true));

        if (result.ErrorsOverTime is not { } errors)
        {
            html.Append($"<p id=\"{NoteId}\">This result was written before isubench recorded errors by message over time.</p>");
            return;
        }
        if (rises.Count == 0)
        {
            html.Append($"<p id=\"{NoteId}\">No errors while the run was sampled.</p>");
            return;
        }
        html.Append($"<ol id=\"{NoteId}\">");
        foreach (var r in rises)
        {
            html.Append($"<li style=\"color:{Color(r.Rank)}\"><span style=\"color:#222\"><strong>{E(r.Message)}</strong> ({E(r.Kind)}, {r.Total} in all): ")
                .Append($"rose from {N(r.RiseSeconds)} s")
                .Append(r.FirstSeenSeconds < r.RiseSeconds ? $" (first seen at {N(r.FirstSeenSeconds)} s)" : "")
                .Append($", at most {r.PeakCount} in one sample, at {N(r.PeakSeconds)} s.</span></li>");
        }
        html.Append("</ol>");
        long others = RisingErrors.Others(result, rises).Sum();
        if (others > 0)
            html.Append($"<p>{others} more errors with other messages (the first {errors.TrackedLimit} distinct messages of a run are tracked over time).</p>");
    }

    private static string Shortened(string message) => message.Length <= 60 ? message : message[..59] + "…";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
