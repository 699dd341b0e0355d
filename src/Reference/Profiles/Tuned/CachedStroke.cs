using System.Text.Json;
using IsuBench.Reference.Domain;
using IsuBench.Reference.Json;

namespace IsuBench.Reference.Profiles.Tuned;

/// <summary>A stored stroke with its feed event, serialized to JSON at most once however many streams send it.</summary>
internal sealed class CachedStroke(Stroke stroke)
{
    private StrokeEvent? _event;

    /// <summary>The stroke as stored.</summary>
    public Stroke Stroke { get; } = stroke;

    /// <summary>The stroke's feed event carrying its UTF-8 JSON; built on first use (a benign race builds equal copies).</summary>
    public StrokeEvent Event => _event ??= new StrokeEvent(Stroke) { Utf8Json = JsonSerializer.SerializeToUtf8Bytes(Stroke, ApiJson.Options) };

    /// <summary>The stroke's API JSON in UTF-8.</summary>
    public byte[] Utf8Json => Event.Utf8Json!;
}
