using System.Globalization;
using System.Text.Json;
using AngleSharp.Html.Parser;
using IsuBench.Bench.Reports;
using IsuBench.Engine.Metrics;
using IsuBench.Tests.Bench.Infrastructure;

namespace IsuBench.Tests.Bench.Reports;

public sealed class HtmlReportTests
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public void The_report_holds_every_chart_as_inline_svg_and_fetches_nothing()
    {
        var html = HtmlReport.Render(SampleResults.PassingDocument());
        var page = Parser.ParseDocument(html);
        Assert.Equal(HtmlReport.ChartIds, page.QuerySelectorAll("svg.chart").Select(s => s.Id));
        Assert.Empty(page.QuerySelectorAll("link, img, iframe, script[src], object, embed"));
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "").Replace("http://127.0.0.1:8080", ""));
    }

    [Fact]
    public void The_line_charts_carry_the_time_series_values()
    {
        var result = SampleResults.PassingDocument();
        var page = Parser.ParseDocument(HtmlReport.Render(result));
        double[] Values(string chart, string series) =>
            page.QuerySelector($"#{chart} polyline[data-series='{series}']")!.GetAttribute("data-values")!
                .Split(' ').Select(pair => double.Parse(pair.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(result.TimeSeries.Select(p => (double)p.Score), Values("chart-score", "score"));
        Assert.Equal(result.TimeSeries.Select(p => p.RequestsPerSecond), Values("chart-rps", "requests/s"));
        Assert.Equal(result.TimeSeries.Select(p => (double)p.Watchers), Values("chart-watchers", "watchers"));
        Assert.Equal(result.TimeSeries.Select(p => (double)p.Errors), Values("chart-errors", "errors so far"));
        Assert.Equal([0, 0, 0, 1, 1], Values("chart-errors", "new errors per sample"));
        var polyline = page.QuerySelector("#chart-score polyline")!.GetAttribute("points")!.Split(' ');
        Assert.Equal(result.TimeSeries.Count, polyline.Length);
    }

    [Fact]
    public void The_latency_chart_has_a_bar_per_endpoint_and_percentile()
    {
        var result = SampleResults.PassingDocument();
        var page = Parser.ParseDocument(HtmlReport.Render(result));
        var bars = page.QuerySelectorAll("#chart-latency rect.bar").ToList();
        Assert.Equal(result.Endpoints.Count * 4, bars.Count);
        var get = result.Endpoints.Single(e => e.Endpoint == "GET /");
        var p99 = bars.Single(b => b.GetAttribute("data-category") == "GET /" && b.GetAttribute("data-series") == "p99");
        Assert.Equal(get.P99Ms, double.Parse(p99.GetAttribute("data-value")!, CultureInfo.InvariantCulture));
        Assert.All(bars, b => Assert.True(double.Parse(b.GetAttribute("width")!, CultureInfo.InvariantCulture) > 0));
    }

    [Fact]
    public void The_embedded_result_is_the_whole_result_and_no_message_can_break_out_of_it()
    {
        var result = SampleResults.PassingDocument();
        var page = Parser.ParseDocument(HtmlReport.Render(result));
        // The awkward message holds </script>: had it not been escaped, the page would have two script elements or a cut one.
        var script = Assert.Single(page.QuerySelectorAll("script"));
        Assert.Equal("result-data", script.Id);
        var embedded = ResultJson.Deserialize(script.TextContent);
        Assert.Equal(ResultJson.Serialize(result), ResultJson.Serialize(embedded));
        Assert.Contains(SampleResults.AwkwardMessage, page.QuerySelector("#errors")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("#errors b"));
    }

    [Fact]
    public void An_empty_run_still_renders_every_chart_with_a_note()
    {
        var empty = SampleResults.FailingDocument() with { TimeSeries = [], Endpoints = [] };
        var page = Parser.ParseDocument(HtmlReport.Render(empty));
        Assert.Equal(HtmlReport.ChartIds.Count, page.QuerySelectorAll("svg.chart").Length);
        Assert.Contains("no samples", page.QuerySelector("#chart-score")!.TextContent);
        Assert.Contains("FAIL", page.QuerySelector("h1")!.TextContent);
        using var json = JsonDocument.Parse(page.QuerySelector("#result-data")!.TextContent);
        Assert.False(json.RootElement.GetProperty("pass").GetBoolean());
    }

    [Fact]
    public void A_collapse_is_explained_by_a_chart_of_errors_by_message_a_note_and_marks_on_the_score_and_watchers()
    {
        var result = SampleResults.CollapsingDocument();
        var page = Parser.ParseDocument(HtmlReport.Render(result));
        double[] Values(string series) =>
            page.QuerySelectorAll($"#{ErrorsOverTimeHtml.ChartId} polyline").Single(p => p.GetAttribute("data-series") == series).GetAttribute("data-values")!
                .Split(' ').Select(pair => double.Parse(pair.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();

        double[] collapse = [0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 10, 20, 30, 40, 50, 60, 70, 80, 90];
        Assert.Equal(collapse, Values($"#1 {SampleResults.CollapseMessage}"));
        Assert.Equal(Enumerable.Range(1, 20).Select(s => s >= 14 ? 5.0 : 0), Values($"#2 {SampleResults.FollowingMessage}"));
        Assert.Equal(Enumerable.Range(1, 20).Select(s => s == 18 ? 30.0 : 0), Values(ErrorsOverTimeHtml.OtherSeries));

        var note = page.QuerySelectorAll($"#{ErrorsOverTimeHtml.NoteId} li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, note.Count);
        Assert.Equal($"{SampleResults.CollapseMessage} (ordinary, 452 in all): rose from 12 s (first seen at 3 s), at most 90 in one sample, at 20 s.", note[0]);
        Assert.StartsWith($"{SampleResults.FollowingMessage} (ordinary, 35 in all): rose from 14 s,", note[1]);

        foreach (var chart in new[] { "chart-score", "chart-watchers", ErrorsOverTimeHtml.ChartId })
        {
            var marks = page.QuerySelectorAll($"#{chart} g.marker").ToList();
            Assert.Equal(["12", "14"], marks.Select(m => m.GetAttribute("data-x")));
            Assert.Equal(["#1 from 12 s", "#2 from 14 s"], marks.Select(m => m.QuerySelector("text")!.TextContent));
            Assert.Contains(SampleResults.CollapseMessage, marks[0].QuerySelector("title")!.TextContent);
        }
        Assert.Empty(page.QuerySelectorAll("#chart-rps g.marker, #chart-errors g.marker"));
    }

    [Fact]
    public void A_result_written_before_errors_over_time_renders_every_chart_without_marks()
    {
        var older = SampleResults.CollapsingDocument() with { ErrorsOverTime = null };
        var page = Parser.ParseDocument(HtmlReport.Render(older));

        Assert.Equal(HtmlReport.ChartIds, page.QuerySelectorAll("svg.chart").Select(s => s.Id));
        Assert.Empty(page.QuerySelectorAll("g.marker"));
        Assert.Contains("written before", page.QuerySelector($"#{ErrorsOverTimeHtml.NoteId}")!.TextContent);
    }
}
