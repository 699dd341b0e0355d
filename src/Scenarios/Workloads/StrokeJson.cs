using System.Buffers;
using System.Text;
using System.Text.Json;

namespace IsuBench.Scenarios.Workloads;

/// <summary>The body of <c>POST /api/strokes/rooms/{id}</c> for a stroke (with <c>room_id</c>, as the original benchmark sent it).</summary>
public static class StrokeJson
{
    /// <summary>Serializes <paramref name="stroke"/> for room <paramref name="roomId"/>.</summary>
    public static string Serialize(long roomId, StrokeShape stroke)
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
