using System.Globalization;
using System.Text;
using IsuBench.Reference.Domain;

namespace IsuBench.Reference.Rendering;

/// <summary>Writes the SVG canvas and its stroke polylines, shared by the thumbnail and the drawing page.</summary>
internal static class StrokeMarkup
{
    /// <summary>
    /// Appends the <c>&lt;svg&gt;</c> element of <paramref name="room"/>: its size, <c>viewBox="0 0 W H"</c>, one polyline
    /// per stroke in the order given. <paramref name="leadingAttributes"/> (each with a leading space) open the tag,
    /// <paramref name="style"/> closes it.
    /// </summary>
    public static void AppendCanvas(StringBuilder output, Room room, string leadingAttributes, string style)
    {
        var culture = CultureInfo.InvariantCulture;
        var width = room.CanvasWidth.ToString(culture);
        var height = room.CanvasHeight.ToString(culture);
        output.Append("<svg").Append(leadingAttributes).Append(" xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"")
            .Append(" width=\"").Append(width).Append("\" height=\"").Append(height).Append('"')
            .Append(" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append('"');
        output.Append(" style=\"").Append(style).Append("\">\n");
        foreach (var stroke in room.Strokes)
        {
            AppendPolyline(output, stroke);
            output.Append('\n');
        }
        output.Append("</svg>\n");
    }

    /// <summary>Appends <c>&lt;polyline id=.. stroke=.. .../&gt;</c> for <paramref name="stroke"/>, numbers in invariant culture.</summary>
    public static void AppendPolyline(StringBuilder output, Stroke stroke)
    {
        var culture = CultureInfo.InvariantCulture;
        output.Append("<polyline id=\"").Append(stroke.Id.ToString(culture)).Append('"');
        output.Append(" stroke=\"rgba(")
            .Append(stroke.Red.ToString(culture)).Append(',')
            .Append(stroke.Green.ToString(culture)).Append(',')
            .Append(stroke.Blue.ToString(culture)).Append(',')
            .Append(stroke.Alpha.ToString(culture)).Append(")\"");
        output.Append(" stroke-width=\"").Append(stroke.Width.ToString(culture)).Append('"');
        output.Append(" stroke-linecap=\"round\" stroke-linejoin=\"round\" fill=\"none\" points=\"");
        for (var i = 0; i < stroke.Points.Count; i++)
        {
            if (i > 0) output.Append(' ');
            var point = stroke.Points[i];
            output.Append(point.X.ToString(culture)).Append(',').Append(point.Y.ToString(culture));
        }
        output.Append("\"/>");
    }
}
