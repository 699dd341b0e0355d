using static IsuBench.Bench.Reports.Charts.SvgText;

namespace IsuBench.Bench.Reports.Charts;

/// <summary>Renders a horizontal grouped bar chart (one band per category, one bar per group) as inline SVG.</summary>
internal static class BarChart
{
    private const double Width = 760, Left = 210, Right = 24, Top = 34, Bottom = 40, BarHeight = 9, BandGap = 10;

    /// <summary>
    /// The SVG of <paramref name="groups"/> over <paramref name="categories"/>; each bar carries its value in <c>data-value</c>.
    /// Group number i is drawn in <paramref name="color"/>(i), by default <see cref="ChartPalette.Color"/>.
    /// </summary>
    public static string Render(
        string id, string title, string valueLabel, IReadOnlyList<string> categories, IReadOnlyList<BarGroup> groups, bool logarithmic,
        Func<int, string>? color = null)
    {
        color ??= ChartPalette.Color;
        double band = Math.Max(1, groups.Count) * BarHeight + BandGap;
        double height = Top + Bottom + Math.Max(1, categories.Count) * band;
        var values = groups.SelectMany(g => g.Values).Where(v => double.IsFinite(v)).ToList();
        double maxValue = values.Count > 0 ? values.Max() : 1;
        var scale = logarithmic
            ? AxisScale.Log(values.Where(v => v > 0).DefaultIfEmpty(1).Min(), maxValue, Left, Width - Right)
            : AxisScale.Linear(0, maxValue, Left, Width - Right);

        var svg = SvgFrame.Open(id, "bar-chart", title, Width, height);
        foreach (var tick in scale.Ticks)
        {
            double px = scale.Map(tick);
            svg.Append($"<line class=\"grid\" x1=\"{N(px)}\" x2=\"{N(px)}\" y1=\"{N(Top)}\" y2=\"{N(height - Bottom)}\" stroke=\"#e3e3e3\"/>");
            svg.Append($"<text x=\"{N(px)}\" y=\"{N(height - Bottom + 16)}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#444\">{AxisScale.Label(tick)}</text>");
        }
        svg.Append($"<text x=\"{N((Left + Width - Right) / 2)}\" y=\"{N(height - 6)}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#222\">{Escape(valueLabel)}{(logarithmic ? " (log scale)" : "")}</text>");
        double baseline = logarithmic ? Left : scale.Map(0);
        for (int c = 0; c < categories.Count; c++)
        {
            double bandTop = Top + c * band;
            svg.Append($"<text x=\"{N(Left - 8)}\" y=\"{N(bandTop + band / 2)}\" text-anchor=\"end\" font-size=\"11\" fill=\"#222\">{Escape(categories[c])}</text>");
            for (int g = 0; g < groups.Count; g++)
            {
                double value = c < groups[g].Values.Count ? groups[g].Values[c] : 0;
                double end = value > 0 ? scale.Map(value) : baseline;
                svg.Append($"<rect class=\"bar\" data-series=\"{Escape(groups[g].Name)}\" data-category=\"{Escape(categories[c])}\" data-value=\"{Value(value)}\" ")
                   .Append($"x=\"{N(baseline)}\" y=\"{N(bandTop + BandGap / 2 + g * BarHeight)}\" width=\"{N(Math.Max(end - baseline, 0.5))}\" height=\"{N(BarHeight - 1)}\" fill=\"{color(g)}\">")
                   .Append($"<title>{Escape(categories[c])} {Escape(groups[g].Name)}: {AxisScale.Label(value)}</title></rect>");
            }
        }
        svg.Append($"<line class=\"axis\" x1=\"{N(Left)}\" x2=\"{N(Left)}\" y1=\"{N(Top)}\" y2=\"{N(height - Bottom)}\" stroke=\"#888\"/>");
        double legendX = Left;
        for (int g = 0; g < groups.Count; g++)
        {
            svg.Append($"<rect x=\"{N(legendX)}\" y=\"10\" width=\"12\" height=\"12\" fill=\"{color(g)}\"/>");
            svg.Append($"<text x=\"{N(legendX + 16)}\" y=\"20\" font-size=\"12\" fill=\"#222\">{Escape(groups[g].Name)}</text>");
            // Short names keep their 110 px slots; long ones (run ids as compare's sides) take about 7 px per character at 12 px.
            legendX += Math.Max(110, 40 + 7 * groups[g].Name.Length);
        }
        if (categories.Count == 0)
            svg.Append($"<text x=\"{N(Width / 2)}\" y=\"{N(Top + band / 2)}\" text-anchor=\"middle\" font-size=\"14\" fill=\"#888\">no data</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
