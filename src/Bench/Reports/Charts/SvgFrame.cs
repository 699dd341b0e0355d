using System.Text;
using static IsuBench.Bench.Reports.Charts.SvgText;

namespace IsuBench.Bench.Reports.Charts;

/// <summary>The frame every chart shares: the root element with its size and accessible name, the title and a white background.</summary>
internal static class SvgFrame
{
    /// <summary>Starts a chart's markup; the caller appends the drawing and closes it with <c>&lt;/svg&gt;</c>.</summary>
    public static StringBuilder Open(string id, string cssClass, string title, double width, double height)
    {
        var svg = new StringBuilder();
        svg.Append($"<svg id=\"{Escape(id)}\" class=\"chart {cssClass}\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" ")
           .Append($"viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" height=\"{N(height)}\" aria-label=\"{Escape(title)}\">");
        svg.Append($"<title>{Escape(title)}</title>");
        svg.Append($"<rect x=\"0\" y=\"0\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"#ffffff\"/>");
        return svg;
    }
}
