using System.Globalization;
using System.Text;
using IsuBench.Reference.Domain;

namespace IsuBench.Reference.Rendering;

/// <summary>Writes a stroke as the SVG polyline shared by the thumbnail and the drawing page.</summary>
public static class StrokeMarkup
{
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
