using System.Text;
using System.Text.Json;

namespace IsuBench.Scenarios.Drawing;

/// <summary>The JSON body of <c>POST /api/strokes/rooms/{id}</c> for a stroke.</summary>
public static class StrokeRequestBody
{
    /// <summary>Serializes <paramref name="stroke"/> as <c>{width, red, green, blue, alpha, points: [{x, y}, ...]}</c>.</summary>
    public static string Write(SeedStroke stroke)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("width", stroke.Width);
            json.WriteNumber("red", stroke.Red);
            json.WriteNumber("green", stroke.Green);
            json.WriteNumber("blue", stroke.Blue);
            json.WriteNumber("alpha", stroke.Alpha);
            json.WriteStartArray("points");
            foreach (var point in stroke.Points)
            {
                json.WriteStartObject();
                json.WriteNumber("x", point.X);
                json.WriteNumber("y", point.Y);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
