using System.Text;
using IsuBench.Reference.Domain;

namespace IsuBench.Reference.Rendering;

/// <summary>Renders a room as the standalone SVG 1.1 document served at <c>/img/{id}</c>.</summary>
internal static class SvgImage
{
    /// <summary>The media type of the rendered document.</summary>
    public const string ContentType = "image/svg+xml";

    /// <summary>The whole document: XML prolog, SVG 1.1 doctype, and one polyline per stroke in the order given.</summary>
    public static string Render(Room room)
    {
        var output = new StringBuilder(256 + room.Strokes.Count * 512);
        output.Append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
        output.Append("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n");
        StrokeMarkup.AppendCanvas(output, room, leadingAttributes: "", style: "background-color:white");
        return output.ToString();
    }
}
