using static IsuBench.Bench.Reports.Charts.SvgText;

namespace IsuBench.Bench.Reports.Charts;

/// <summary>Renders a line chart as a standalone inline SVG element (no script, no external resources).</summary>
internal static class LineChart
{
    private const double Width = 760, Height = 280, Left = 64, Right = 16, Top = 34, Bottom = 44;

    // Long series names (error messages) get a row each below the chart, cut to what fits; the full name is the row's tooltip.
    private const double LegendRow = 18;
    private const int LegendRowCharacters = 100;

    /// <summary>A series' name as its legend row shows it: cut to the row's width; the row's title holds the whole name.</summary>
    public static string LegendRowText(string name) => name.Length <= LegendRowCharacters ? name : name[..(LegendRowCharacters - 1)] + "…";

    /// <summary>
    /// The SVG of <paramref name="series"/>; each line carries its raw values in <c>data-values</c>. <paramref name="markers"/> are
    /// drawn as labelled vertical lines; <paramref name="legendRows"/> puts the legend below the chart, one series a row, for long names.
    /// </summary>
    public static string Render(string id, string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series,
        IReadOnlyList<ChartMarker>? markers = null, bool legendRows = false)
    {
        var points = series.SelectMany(s => s.Points).ToList();
        var x = AxisScale.Linear(points.Count > 0 ? points.Min(p => p.X) : 0, points.Count > 0 ? points.Max(p => p.X) : 1, Left, Width - Right);
        var y = AxisScale.Linear(Math.Min(0, points.Count > 0 ? points.Min(p => p.Y) : 0), points.Count > 0 ? points.Max(p => p.Y) : 1, Height - Bottom, Top);

        double height = legendRows ? Height + 6 + LegendRow * series.Count : Height;
        var svg = SvgFrame.Open(id, "line-chart", title, Width, height);
        foreach (var tick in y.Ticks)
        {
            double py = y.Map(tick);
            svg.Append($"<line class=\"grid\" x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(py)}\" y2=\"{N(py)}\" stroke=\"#e3e3e3\"/>");
            svg.Append($"<text x=\"{N(Left - 6)}\" y=\"{N(py + 4)}\" text-anchor=\"end\" font-size=\"11\" fill=\"#444\">{AxisScale.Label(tick)}</text>");
        }
        foreach (var tick in x.Ticks)
        {
            double px = x.Map(tick);
            svg.Append($"<line class=\"grid\" x1=\"{N(px)}\" x2=\"{N(px)}\" y1=\"{N(Top)}\" y2=\"{N(Height - Bottom)}\" stroke=\"#f0f0f0\"/>");
            svg.Append($"<text x=\"{N(px)}\" y=\"{N(Height - Bottom + 16)}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#444\">{AxisScale.Label(tick)}</text>");
        }
        svg.Append($"<line class=\"axis\" x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(Height - Bottom)}\" y2=\"{N(Height - Bottom)}\" stroke=\"#888\"/>");
        svg.Append($"<line class=\"axis\" x1=\"{N(Left)}\" x2=\"{N(Left)}\" y1=\"{N(Top)}\" y2=\"{N(Height - Bottom)}\" stroke=\"#888\"/>");
        svg.Append($"<text x=\"{N((Left + Width - Right) / 2)}\" y=\"{N(Height - 8)}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#222\">{Escape(xLabel)}</text>");
        svg.Append($"<text x=\"14\" y=\"{N((Top + Height - Bottom) / 2)}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#222\" transform=\"rotate(-90 14 {N((Top + Height - Bottom) / 2)})\">{Escape(yLabel)}</text>");

        double legendX = Left + 8;
        for (int i = 0; i < series.Count; i++)
        {
            var s = series[i];
            string color = s.Color ?? ChartPalette.Color(i);
            string coordinates = string.Join(' ', s.Points.Select(p => $"{N(x.Map(p.X))},{N(y.Map(p.Y))}"));
            string values = string.Join(' ', s.Points.Select(p => $"{Value(p.X)},{Value(p.Y)}"));
            svg.Append($"<polyline class=\"series\" data-series=\"{Escape(s.Name)}\" data-values=\"{values}\" points=\"{coordinates}\" ")
               .Append($"fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" stroke-linejoin=\"round\"/>");
            if (s.Points.Count == 1)
                svg.Append($"<circle cx=\"{N(x.Map(s.Points[0].X))}\" cy=\"{N(y.Map(s.Points[0].Y))}\" r=\"3\" fill=\"{color}\"/>");
            if (legendRows)
            {
                double rowY = Height + 6 + LegendRow * i;
                string shown = LegendRowText(s.Name);
                svg.Append($"<g class=\"legend-row\"><title>{Escape(s.Name)}</title><rect x=\"{N(Left)}\" y=\"{N(rowY)}\" width=\"12\" height=\"12\" fill=\"{color}\"/>")
                   .Append($"<text x=\"{N(Left + 16)}\" y=\"{N(rowY + 10)}\" font-size=\"12\" fill=\"#222\">{Escape(shown)}</text></g>");
                continue;
            }
            svg.Append($"<rect x=\"{N(legendX)}\" y=\"10\" width=\"12\" height=\"12\" fill=\"{color}\"/>");
            svg.Append($"<text x=\"{N(legendX + 16)}\" y=\"20\" font-size=\"12\" fill=\"#222\">{Escape(s.Name)}</text>");
            legendX += 40 + 7 * s.Name.Length; // about 7 px per character at 12 px
        }
        for (int i = 0; i < (markers?.Count ?? 0); i++)
        {
            var marker = markers![i];
            double px = x.Map(marker.X);
            // Labels of marks close together would overlap: each goes a line lower than the one before.
            double labelY = Top + 12 + 13 * i;
            string anchor = px > Width - Right - 80 ? "end" : "start";
            double labelX = anchor == "end" ? px - 3 : px + 3;
            svg.Append($"<g class=\"marker\" data-x=\"{Value(marker.X)}\" data-label=\"{Escape(marker.Label)}\"><title>{Escape(marker.Detail)}</title>")
               .Append($"<line x1=\"{N(px)}\" x2=\"{N(px)}\" y1=\"{N(Top)}\" y2=\"{N(Height - Bottom)}\" stroke=\"{marker.Color}\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>")
               .Append($"<text x=\"{N(labelX)}\" y=\"{N(labelY)}\" text-anchor=\"{anchor}\" font-size=\"11\" fill=\"{marker.Color}\">{Escape(marker.Label)}</text></g>");
        }
        if (points.Count == 0)
            svg.Append($"<text x=\"{N(Width / 2)}\" y=\"{N(Height / 2)}\" text-anchor=\"middle\" font-size=\"14\" fill=\"#888\">no samples</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
