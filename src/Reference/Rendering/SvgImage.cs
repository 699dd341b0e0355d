using System.Globalization;
using System.Text;
using IsuBench.Reference.Domain;

namespace IsuBench.Reference.Rendering;

/// <summary>Renders a room as the standalone SVG 1.1 document served at <c>/img/{id}</c>.</summary>
public static class SvgImage
{
    /// <summary>The media type of the rendered document.</summary>
    public const string ContentType = "image/svg+xml";

    /// <summary>The whole document: XML prolog, SVG 1.1 doctype, and one polyline per stroke in the order given.</summary>
    public static string Render(Room room)
    {
        var culture = CultureInfo.InvariantCulture;
        var width = room.CanvasWidth.ToString(culture);
        var height = room.CanvasHeight.ToString(culture);
        var output = new StringBuilder(256 + room.Strokes.Count * 512);
        output.Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
        output.Append("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n");
        output.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"")
            .Append(" width=\"").Append(width).Append("\" height=\"").Append(height).Append('"')
            .Append(" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append('"')
            .Append(" style=\"background-color:white\">\n");
        foreach (var stroke in room.Strokes)
        {
            StrokeMarkup.AppendPolyline(output, stroke);
            output.Append('\n');
        }
        output.Append("</svg>\n");
        return output.ToString();
    }
}
