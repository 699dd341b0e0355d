using System.Reflection;
using System.Text.Json;

namespace IsuBench.Reference.DataSet;

/// <summary>Reads the original stroke shapes embedded in this assembly as <c>strokes.&lt;name&gt;.json</c>.</summary>
public static class SeedStrokes
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The strokes of the shape <paramref name="name"/> (isu, star, stars, stool, www) in drawing order.</summary>
    public static IReadOnlyList<SeedStroke> Load(string name)
    {
        var resource = $"strokes.{name}.json";
        using var stream = typeof(SeedStrokes).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource '{resource}' is missing from {typeof(SeedStrokes).Assembly.GetName().Name}");
        // Decimal keeps the seed coordinates exact (they are multiples of 1/16), so jittered values round-trip to DECIMAL(10,4).
        return JsonSerializer.Deserialize<List<SeedStroke>>(stream, Json)
            ?? throw new InvalidOperationException($"embedded resource '{resource}' is empty");
    }
}
