using System.Globalization;
using IsuBench.Checks.Documents;
using IsuBench.Checks.Verdicts;

namespace IsuBench.Checks.Rules;

/// <summary>Rules about a room's SVG image <c>/img/{id}</c>.</summary>
public static class SvgRules
{
    /// <summary>The image (answered with 200) is a well-formed SVG with parseable polylines.</summary>
    public static readonly Rule Parse = new("svg.parse", "The SVG image could not be parsed", true);

    /// <summary>A polyline has the posted stroke's id.</summary>
    public static readonly Rule StrokePresent = new("svg.stroke-present", "The posted stroke is not reflected in the SVG image", true);

    /// <summary>That polyline has as many points as were posted.</summary>
    public static readonly Rule PointCount = new("svg.point-count", "The posted stroke is not reflected in the SVG image (the number of points differs)", true);

    /// <summary>That polyline's points are each within 0.1 of what was posted.</summary>
    public static readonly Rule PointValues = new("svg.point-values", "The posted stroke is not reflected in the SVG image (x,y values were altered)", true);

    /// <summary>Reads the body of an <c>/img/{id}</c> response that came back 200 into an <see cref="SvgDocument"/>.</summary>
    public static Parsed<SvgDocument> ReadImage(string body, string request)
    {
        return SvgDocument.TryParse(body, out var document, out var problem)
            ? Parsed<SvgDocument>.Success(document!, Parse.Pass(request))
            : Parsed<SvgDocument>.Failure(Parse.Fail(request, "an SVG document with polylines", $"{problem}: {body}"));
    }

    /// <summary>The image holds a polyline with <paramref name="strokeId"/> whose points match <paramref name="posted"/> within 0.1; one verdict per rule evaluated.</summary>
    public static IReadOnlyList<Verdict> StrokeReflected(SvgDocument image, long strokeId, IReadOnlyList<Vertex> posted, string request)
    {
        var id = strokeId.ToString(CultureInfo.InvariantCulture);
        var polyline = image.Polylines.FirstOrDefault(p => p.Id == id);
        if (polyline is null)
            return [StrokePresent.Fail(request, $"<polyline id=\"{id}\">", $"{image.Polylines.Count} polylines, last id {image.Polylines.LastOrDefault()?.Id ?? "none"}")];
        var present = StrokePresent.Pass(request);
        var count = PointCount.Check(polyline.Points.Count == posted.Count, request, $"{posted.Count} points", $"{polyline.Points.Count} points");
        if (!count.Passed) return [present, count];
        return [present, count, StrokeRules.VerticesMatch(PointValues, posted, polyline.Points, request)];
    }
}
