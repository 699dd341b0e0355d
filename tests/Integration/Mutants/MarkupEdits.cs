using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IsuBench.Checks.Documents;

namespace IsuBench.Integration.Mutants;

/// <summary>Text edits on the reference's markup and JSON, as the mutants need them (the reference writes one room per line, one polyline per line).</summary>
public static partial class MarkupEdits
{
    /// <summary>One room of the top page, a line of its own; group 1 is the id.</summary>
    [GeneratedRegex("<li class=\"room\" id=\"(\\d+)\">.*?</li>\n")]
    public static partial Regex TopPageRoom();

    /// <summary>The props script; group 1 is its JSON.</summary>
    [GeneratedRegex("<script>__ASYNC_PROPS__ = (.*?)</script>")]
    public static partial Regex AsyncProps();

    /// <summary>One polyline with its line end; group 1 is the stroke id.</summary>
    [GeneratedRegex("<polyline id=\"(\\d+)\"[^>]*/>\n?")]
    public static partial Regex Polyline();

    /// <summary>The start of a polyline's points; group 1 is the first x.</summary>
    [GeneratedRegex("points=\"(-?[0-9.]+),")]
    public static partial Regex FirstPointX();

    /// <summary>The token attribute of &lt;html&gt;; group 1 is the token.</summary>
    [GeneratedRegex("data-csrf-token=\"([^\"]*)\"")]
    public static partial Regex HtmlToken();

    /// <summary>A room's stroke count on the top page; group 1 is the number.</summary>
    [GeneratedRegex("<span class=\"stroke_count\">(\\d+)</span>")]
    public static partial Regex StrokeCount();

    /// <summary>Rewrites the JSON of <c>__ASYNC_PROPS__</c> with <paramref name="edit"/>.</summary>
    public static string EditProps(string html, Action<JsonArray> edit) =>
        AsyncProps().Replace(html, match =>
        {
            var props = JsonNode.Parse(match.Groups[1].Value)!.AsArray();
            edit(props);
            return "<script>__ASYNC_PROPS__ = " + props.ToJsonString() + "</script>";
        }, 1);

    /// <summary>The rooms array of the props' first element.</summary>
    public static JsonArray PropsRooms(JsonArray props) => props[0]!["rooms"]!.AsArray();

    /// <summary>Moves the first point of <paramref name="polyline"/> by <paramref name="dx"/> in x.</summary>
    public static string MoveFirstPoint(string polyline, double dx) =>
        FirstPointX().Replace(polyline, m =>
            $"points=\"{(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + dx).ToString(CultureInfo.InvariantCulture)},", 1);

    /// <summary>Drops the last "x,y" pair of <paramref name="polyline"/>'s points.</summary>
    public static string DropLastPoint(string polyline)
    {
        var start = polyline.IndexOf("points=\"", StringComparison.Ordinal) + "points=\"".Length;
        var end = polyline.IndexOf('"', start);
        var points = polyline[start..end];
        var cut = points.LastIndexOf(' ');
        return cut < 0 ? polyline : polyline[..start] + points[..cut] + polyline[end..];
    }

    /// <summary>Applies <paramref name="edit"/> to the polyline with the highest stroke id.</summary>
    public static string EditNewestPolyline(string svg, Func<string, string> edit)
    {
        var newest = Polyline().Matches(svg).MaxBy(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        return newest is null ? svg : svg[..newest.Index] + edit(newest.Value) + svg[(newest.Index + newest.Length)..];
    }
}
