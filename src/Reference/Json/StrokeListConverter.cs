using System.Text.Json;
using System.Text.Json.Serialization;
using IsuBench.Reference.Domain;

namespace IsuBench.Reference.Json;

/// <summary>A list of strokes whose members' API JSON is already encoded (kept by a store that caches it).</summary>
internal interface IEncodedStrokeList : IReadOnlyList<Stroke>
{
    /// <summary>The UTF-8 JSON of the stroke at <paramref name="index"/>, exactly as <see cref="ApiJson.Options"/> writes it.</summary>
    ReadOnlySpan<byte> Utf8JsonAt(int index);
}

/// <summary>Writes stroke lists as JSON arrays, copying each stroke's encoded JSON when the list carries it.</summary>
internal sealed class StrokeListConverter : JsonConverter<IReadOnlyList<Stroke>>
{
    public override IReadOnlyList<Stroke> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<List<Stroke>>(ref reader, options) ?? [];

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<Stroke> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        if (value is IEncodedStrokeList encoded)
        {
            // Written by this serializer with these options: no need to validate it again.
            for (var i = 0; i < encoded.Count; i++) writer.WriteRawValue(encoded.Utf8JsonAt(i), skipInputValidation: true);
        }
        else
        {
            foreach (var stroke in value) JsonSerializer.Serialize(writer, stroke, options);
        }
        writer.WriteEndArray();
    }
}
