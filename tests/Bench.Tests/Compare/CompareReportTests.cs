using System.Globalization;
using AngleSharp.Html.Parser;
using IsuBench.Bench.Compare;
using IsuBench.Tests.Bench.Infrastructure;
using static IsuBench.Tests.Bench.Infrastructure.ComparisonSamples;

namespace IsuBench.Tests.Bench.Compare;

/// <summary>compare.md, compare.html and the console tables, rendered from one comparison.</summary>
public sealed class CompareReportTests
{
    private static readonly HtmlParser Parser = new();

    // "before" has two runs (get 900 and 1100), "after" one (get 1500); the awkward message is on "after" only.
    private static RunComparison Sample() => RunComparison.Of(
    [
        Side("before",
            Run("b1", get: 900, endpoints: [Endpoint("GET /", 100, 0, 10, 50)], errors: [Error("shared", 2)], delivery: Delivery(10, 30, 60)),
            Run("b2", get: 1100, endpoints: [Endpoint("GET /", 100, 0, 14, 70)], errors: [Error("shared", 4)], delivery: Delivery(10, 30, 60))),
        Side("after",
            Run("a1", get: 1500, endpoints: [Endpoint("GET /", 150, 1, 6, 30)], errors: [Error("shared", 1), Error(SampleResults.AwkwardMessage, 9)], delivery: Delivery(50, 30, 20))),
    ]);

    [Fact]
    public void The_markdown_has_the_median_spread_and_change_of_each_figure_and_the_one_sided_errors()
    {
        var md = CompareMarkdown.Render(Sample()).Split('\n');
        Assert.Equal("# IsuBench comparison: before vs after", md[0]);
        // The headline comes first: each figure's ratio to the first side (totals 1610 over the median 1110).
        Assert.Equal("## Headline", md[2]);
        int headline = Array.IndexOf(md, "| figure | after |");
        Assert.InRange(headline, 3, Array.FindIndex(md, l => l.StartsWith("| side |", StringComparison.Ordinal)));
        Assert.Equal("| score | 1.45× better |", md[headline + 2]);
        Assert.Contains("| get | before | 1000 | 900–1100 | 14.1 % |  |", md); // CV: sample deviation 141.4 over mean 1000
        Assert.Contains("|  | after | 1500 |  |  | +50 % |", md);
        Assert.Contains("| GET / | before | 100 |  | 0 |  | 12 |  | 60 |  |", md);
        Assert.Contains("|  | after | 150 | +50 % | 1 | n/a | 6 | -50 % | 30 | -50 % |", md);
        Assert.Contains($"| {DeliveryComparison.OnTimeName} | 40 | 80 | +40 pp |", md);
        Assert.Contains("| ≤ 50 ms | 10 | 50 | +40 pp |", md);

        string text = string.Join('\n', md);
        int oneSided = text.IndexOf("## Errors on some sides only", StringComparison.Ordinal);
        int shared = text.IndexOf("## Errors on every side", StringComparison.Ordinal);
        string awkwardRow = md.Single(l => l.Contains("body \\| had", StringComparison.Ordinal)); // the pipe escaped, the row intact
        Assert.EndsWith("| — | 9 |", awkwardRow);
        Assert.InRange(text.IndexOf(awkwardRow, StringComparison.Ordinal), oneSided, shared);
        Assert.Contains("| ordinary | shared | 6 (2/2 runs) | 1 |", md);
        Assert.True(text.IndexOf("| ordinary | shared |", StringComparison.Ordinal) > shared);
    }

    [Fact]
    public void The_html_is_self_contained_with_a_paired_svg_chart_per_comparison()
    {
        var comparison = Sample();
        string html = CompareHtml.Render(comparison);
        var page = Parser.ParseDocument(html);
        Assert.Equal(CompareHtml.ChartIds, page.QuerySelectorAll("svg.chart").Select(s => s.Id));
        Assert.Empty(page.QuerySelectorAll("link, img, iframe, script, object, embed, [src], [href]"));
        Assert.DoesNotContain("http://", html.Replace("xmlns=\"http://www.w3.org/2000/svg\"", ""));
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("url(", html);

        // A bar per side and kind, holding the side's median.
        var bars = page.QuerySelectorAll("#chart-compare-score rect.bar").ToList();
        Assert.Equal(comparison.Scores.Count * 2, bars.Count);
        double Bar(string chart, string side, string category) => double.Parse(
            page.QuerySelectorAll($"#{chart} rect.bar").Single(b => b.GetAttribute("data-series") == side && b.GetAttribute("data-category") == category)
                .GetAttribute("data-value")!, CultureInfo.InvariantCulture);
        Assert.Equal(1000, Bar("chart-compare-score", "before", "get"));
        Assert.Equal(1500, Bar("chart-compare-score", "after", "get"));
        Assert.Equal(12, Bar("chart-compare-p50", "before", "GET /"));
        Assert.Equal(30, Bar("chart-compare-p99", "after", "GET /"));
        Assert.Equal(50, Bar("chart-compare-delivery", "after", "≤ 50 ms"));

        // The headline is the first table, its ratio coloured as the change it stands for.
        Assert.Equal("headline", page.QuerySelector("table")!.Id);
        Assert.True(page.QuerySelector("#headline")!.CompareDocumentPosition(page.QuerySelector("#sides")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        Assert.Equal("1.45× better", page.QuerySelector("#headline td.better")!.TextContent);

        // Changes are coloured by whether they help; the awkward message stays text.
        Assert.Contains("+50 %", page.QuerySelector("#scores td.better")!.TextContent);
        Assert.Contains("n/a", page.QuerySelectorAll("#endpoints td").Select(td => td.TextContent));
        Assert.Contains(SampleResults.AwkwardMessage, page.QuerySelector("#one-sided-errors")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("#one-sided-errors b"));
        Assert.Contains("shared", page.QuerySelector("#shared-errors")!.TextContent);
    }

    [Fact]
    public void Sides_are_drawn_in_distinct_blues_and_greys_never_in_the_colours_of_better_and_worse()
    {
        var comparison = RunComparison.Of(
        [
            Side("before", Run("b1", get: 1000, endpoints: [Endpoint("GET /", 100, 0, 10, 50)])),
            Side("after", Run("a1", get: 400, endpoints: [Endpoint("GET /", 100, 0, 20, 90)])),
            Side("again", Run("c1", get: 1500, endpoints: [Endpoint("GET /", 100, 0, 5, 30)])),
        ]);
        string html = CompareHtml.Render(comparison);
        var page = Parser.ParseDocument(html);
        // The page does colour changes: the second side is worse, the third better.
        Assert.NotEmpty(page.QuerySelectorAll("td.worse"));
        Assert.NotEmpty(page.QuerySelectorAll("td.better"));
        Assert.Contains($"td.worse{{color:{CompareHtml.WorseColor}", html);
        Assert.Contains($"td.better{{color:{CompareHtml.BetterColor}", html);

        string[] labels = ["before", "after", "again"];
        var sideColors = labels.Select(label => Assert.Single(page.QuerySelectorAll("svg.chart rect.bar")
            .Where(b => b.GetAttribute("data-series") == label).Select(b => b.GetAttribute("fill")!).Distinct())).ToList();
        Assert.Equal(3, sideColors.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (string color in sideColors)
        {
            Assert.NotEqual(CompareHtml.WorseColor.ToLowerInvariant(), color.ToLowerInvariant());
            Assert.NotEqual(CompareHtml.BetterColor.ToLowerInvariant(), color.ToLowerInvariant());
            var (r, g, b) = Rgb(color);
            Assert.True(b >= r && b >= g, $"{color} is neither a blue nor a grey"); // no red, green, orange or purple
        }
        // Every swatch of the charts' legends and of the sides table is a side's colour, in the sides' order.
        var legend = page.QuerySelectorAll("svg.chart rect[width='12']").Select(r => r.GetAttribute("fill")!).ToList();
        Assert.Equal(CompareHtml.ChartIds.Count * labels.Length, legend.Count);
        Assert.All(legend, fill => Assert.Contains(fill, sideColors));
        Assert.Equal(sideColors.Select(c => $"background:{c}"), page.QuerySelectorAll("#sides .swatch").Select(s => s.GetAttribute("style")));
    }

    private static (int R, int G, int B) Rgb(string hex) =>
        (Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16));

    [Fact]
    public void The_console_tables_are_plain_text_when_the_output_is_not_a_terminal()
    {
        var output = new StringWriter();
        CompareConsole.Write(Sample(), output, terminal: false);
        string text = output.ToString();
        Assert.DoesNotContain('\u001b', text);
        var lines = text.Split('\n');
        Assert.All(lines, l => Assert.True(l.TrimEnd().Length <= CompareConsole.PlainWidth, l));
        Assert.Contains("Headline", lines[0]);
        Assert.Contains(lines.Take(4), l => l.Contains("ratio to before") && l.Contains("after"));
        Assert.Contains(lines.TakeWhile(l => !l.Contains("Sides", StringComparison.Ordinal)), l => l.Contains("score") && l.Contains("1.45× better"));
        Assert.Contains(lines, l => l.Contains("get") && l.Contains("before") && l.Contains("1000") && l.Contains("900–1100") && l.Contains("14.1 %"));
        Assert.Contains(lines, l => l.Contains("after") && l.Contains("1500") && l.Contains("+50 %"));
        Assert.Contains(lines, l => l.Contains("GET /") && l.Contains("before") && l.Contains("12"));
        Assert.Contains(lines, l => l.Contains("body | had") && l.Contains('—') && l.Contains('9'));
        Assert.Contains("1 error message occurs on every side", text);
    }
}
