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

    /// <summary>Parses an SVG image; false with a problem when it is not well-formed XML with an <c>&lt;svg&gt;</c> root or a polyline's points are malformed.</summary>
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
            var polylines = new List<SvgPolyline>();
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (!sawRoot)
                {
                    if (reader.LocalName != "svg")
                    {
                        problem = $"the root element is <{reader.LocalName}>, not <svg>";
                        return false;
                    }
                    sawRoot = true;
                    (width, height, viewBox) = (reader.GetAttribute("width"), reader.GetAttribute("height"), reader.GetAttribute("viewBox"));
                    continue;
                }
                if (reader.LocalName != "polyline") continue;
                var id = reader.GetAttribute("id");
                if (!TryParsePoints(reader.GetAttribute("points") ?? "", out var points))
                {
                    problem = $"polyline {id ?? "(no id)"} has malformed points";
                    return false;
                }
                polylines.Add(new SvgPolyline(id, points, reader.GetAttribute("stroke"), reader.GetAttribute("stroke-width")));
            }
            if (!sawRoot)
            {
                problem = "no <svg> element";
                return false;
            }
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

    /// <summary>Parses a <c>points</c> attribute: pairs <c>x,y</c> separated by white space (commas and spaces are both accepted as separators, as SVG allows).</summary>
    public static bool TryParsePoints(string text, out IReadOnlyList<Vertex> points)
    {
        var numbers = text.Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        var list = new List<Vertex>(numbers.Length / 2);
        points = list;
        if (numbers.Length % 2 != 0) return false;
        for (var i = 0; i < numbers.Length; i += 2)
        {
            if (!double.TryParse(numbers[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x)) return false;
            if (!double.TryParse(numbers[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y) || !double.IsFinite(y)) return false;
            list.Add(new Vertex(x, y));
        }
        return true;
    }
}
