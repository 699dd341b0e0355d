using System.Collections.Concurrent;
using System.Text.Json;
using IsuBench.Checks.Documents;

namespace IsuBench.Scenarios.Workloads;

/// <summary>The original stroke shapes (isu, star, stars, stool, www), embedded in this assembly as <c>strokes.&lt;name&gt;.json</c>.</summary>
public static class StrokeSeeds
{
    /// <summary>The names of the embedded shapes.</summary>
    public static readonly IReadOnlyList<string> Names = ["isu", "star", "stars", "stool", "www"];

    private static readonly ConcurrentDictionary<string, IReadOnlyList<StrokeShape>> Cache = new(StringComparer.Ordinal);

    /// <summary>The strokes of shape <paramref name="name"/> in drawing order (read once, then shared; the records are immutable).</summary>
    public static IReadOnlyList<StrokeShape> Load(string name) => Cache.GetOrAdd(name, Read);

    private static IReadOnlyList<StrokeShape> Read(string name)
    {
        var resource = $"strokes.{name}.json";
        using var stream = typeof(StrokeSeeds).Assembly.GetManifestResourceStream(resource)
            ?? throw new ArgumentException($"no embedded stroke shape '{name}' (resource {resource})", nameof(name));
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateArray().Select(stroke => new StrokeShape(
            stroke.GetProperty("width").GetInt32(),
            stroke.GetProperty("red").GetInt32(),
            stroke.GetProperty("green").GetInt32(),
            stroke.GetProperty("blue").GetInt32(),
            stroke.GetProperty("alpha").GetDouble(),
            stroke.GetProperty("points").EnumerateArray()
                .Select(point => new Vertex(point.GetProperty("x").GetDouble(), point.GetProperty("y").GetDouble()))
                .ToList())).ToList();
    }
}
