using System.Xml.Linq;
using IsuBench.Bench.Reports.Charts;

namespace IsuBench.Tests.Bench.Reports;

/// <summary>Legend rows under a chart: a long series name is cut to the row's width, and the row's title keeps it whole.</summary>
public sealed class LineChartLegendTests
{
    [Fact]
    public void A_long_name_is_cut_with_an_ellipsis_and_a_short_one_is_shown_whole()
    {
        string longName = "#1 GET /api/stream/rooms/{id}: status 500: " + new string('x', 120);
        string svg = LineChart.Render("c", "t", "s", "n",
            [new ChartSeries(longName, [new ChartPoint(0, 1)]), new ChartSeries("other", [new ChartPoint(0, 2)])], legendRows: true);

        var rows = XElement.Parse(svg).Descendants().Where(e => e.Name.LocalName == "g" && (string?)e.Attribute("class") == "legend-row").ToList();
        var shown = rows.Select(r => r.Elements().Single(e => e.Name.LocalName == "text").Value).ToList();
        Assert.Equal(100, shown[0].Length);
        Assert.Equal(longName[..99] + "…", shown[0]);
        Assert.Equal(shown[0], LineChart.LegendRowText(longName));
        Assert.Equal(longName, rows[0].Elements().Single(e => e.Name.LocalName == "title").Value);
        Assert.Equal("other", shown[1]);
    }
}
