using System.Globalization;
using System.Xml;

namespace IsuBench.Checks.Documents;

/// <summary>The room image of <c>/img/{id}</c>: size, view box and polylines, read from the XML.</summary>
public sealed class SvgDocument
{
    private SvgDocument(string? width, string? height, string? viewBox, IReadOnlyList<SvgPolyline> polylines)
    {
        Width = width;
        Height = height;
        ViewBox = viewBox;
        Polylines = polylines;
    }

    /// <summary>The root's <c>width</c> attribute as written.</summary>
    public string? Width { get; }

    /// <summary>The root's <c>height</c> attribute as written.</summary>
    public string? Height { get; }

    /// <summary>The root's <c>viewBox</c> attribute as written.</summary>
    public string? ViewBox { get; }

    /// <summary>Every polyline in document order.</summary>
    public IReadOnlyList<SvgPolyline> Polylines { get; }

    /// <summary>
    /// Parses an SVG image as the original benchmark did (docs/fidelity.md, <c>svg.parse</c>): well-formed XML whose root (of any
    /// name) has integer <c>width</c> and <c>height</c> where given, and whose polylines, the root's own children, have an integer
    /// <c>stroke-width</c> where given and well-formed <c>points</c>. False with a problem otherwise.
    /// </summary>
    public static bool TryParse(string xml, out SvgDocument? document, out string? problem)
    {
        document = null;
        // The SVG 1.1 doctype names a DTD on the web: never fetch or expand it.
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            string? width = null, height = null, viewBox = null;
            var sawRoot = false;
            string? invalid = null;
            var polylines = new List<SvgPolyline>();
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (!sawRoot)
                {
                    sawRoot = true;
                    (width, height, viewBox) = (reader.GetAttribute("width"), reader.GetAttribute("height"), reader.GetAttribute("viewBox"));
                    if (!IsInteger(width) || !IsInteger(height)) invalid ??= $"the root's width and height must be integers, got \"{width}\" and \"{height}\"";
                    continue;
                }
                if (reader.Depth != 1 || reader.LocalName != "polyline") continue;
                var id = reader.GetAttribute("id");
                var strokeWidth = reader.GetAttribute("stroke-width");
                if (!IsInteger(strokeWidth)) invalid ??= $"polyline {id ?? "(no id)"} has a stroke-width that is not an integer: \"{strokeWidth}\"";
                if (!TryParsePoints(reader.GetAttribute("points") ?? "", out var points)) invalid ??= $"polyline {id ?? "(no id)"} has malformed points";
                polylines.Add(new SvgPolyline(id, points, reader.GetAttribute("stroke"), strokeWidth));
            }
            // Read to the end first: a document that is not well-formed is reported as such, as Go's decoder did.
            problem = sawRoot ? invalid : "no root element";
            if (problem is not null) return false;
            document = new SvgDocument(width, height, viewBox, polylines);
            problem = null;
            return true;
        }
        catch (XmlException e)
        {
            problem = "not well-formed XML: " + e.Message;
            return false;
        }
    }

    /// <summary>
    /// Parses a <c>points</c> attribute as the original did: pairs separated by single spaces, each at least <c>x,y</c> (anything after
    /// a second comma is ignored), both numbers.
    /// </summary>
    public static bool TryParsePoints(string text, out IReadOnlyList<Vertex> points)
    {
        var pairs = text.Split(' ');
        var list = new List<Vertex>(pairs.Length);
        points = list;
        foreach (var pair in pairs)
        {
            var parts = pair.Split(',');
            if (parts.Length < 2) return false;
            if (!double.TryParse(parts[0], Number, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x)) return false;
            if (!double.TryParse(parts[1], Number, CultureInfo.InvariantCulture, out var y) || !double.IsFinite(y)) return false;
            list.Add(new Vertex(x, y));
        }
        return true;
    }

    // Go's ParseFloat: no surrounding white space.
    private const NumberStyles Number = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    // An integer attribute of the original's structs: absent or empty reads as 0, surrounding white space is allowed.
    private static bool IsInteger(string? value) =>
        string.IsNullOrEmpty(value) || long.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
}
