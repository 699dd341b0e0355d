using System.Buffers;
using System.Text;
using System.Text.Json;

namespace IsuBench.Scenarios.Api;

/// <summary>The JSON bodies the bench posts, as the original benchmark sent them.</summary>
internal static class RequestBodies
{
    /// <summary>The body of <c>POST /api/rooms</c>.</summary>
    public static string Room(NewRoom room)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("name", room.Name);
            writer.WriteNumber("canvas_width", room.CanvasWidth);
            writer.WriteNumber("canvas_height", room.CanvasHeight);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The body of <c>POST /api/strokes/rooms/{id}</c>, with <c>room_id</c> as the original sent it.</summary>
    public static string Stroke(long roomId, StrokeShape stroke)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + stroke.Points.Count * 32);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("room_id", roomId);
            writer.WriteNumber("width", stroke.Width);
            writer.WriteNumber("red", stroke.Red);
            writer.WriteNumber("green", stroke.Green);
            writer.WriteNumber("blue", stroke.Blue);
            writer.WriteNumber("alpha", stroke.Alpha);
            writer.WriteStartArray("points");
            foreach (var point in stroke.Points)
            {
                writer.WriteStartObject();
                writer.WriteNumber("x", point.X);
                writer.WriteNumber("y", point.Y);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
