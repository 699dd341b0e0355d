using System.Globalization;
using System.Net;

namespace IsuBench.Bench.Reports.Charts;

/// <summary>Formatting for SVG markup: invariant numbers and escaped text.</summary>
internal static class SvgText
{
    /// <summary>A coordinate with at most one decimal.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A data value as written into data attributes (round-trippable).</summary>
    public static string Value(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Text or attribute content, escaped.</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);
}
