using System.Reflection;
using System.Text.Json;

namespace IsuBench.Data;

/// <summary>
/// Reads the original ISUCON6-final stroke shapes (data/isucon6f, MIT), embedded in this assembly as <c>strokes.&lt;name&gt;.json</c>:
/// the reference draws its initial data set with them, the benchmark draws its strokes with them.
/// </summary>
public static class SeedStrokes
{
    /// <summary>The names of the shapes.</summary>
    public static readonly IReadOnlyList<string> Names = ["isu", "star", "stars", "stool", "www"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The strokes of the shape <paramref name="name"/> (isu, star, stars, stool, www) in drawing order.</summary>
    public static IReadOnlyList<SeedStroke> Load(string name)
    {
        var resource = $"strokes.{name}.json";
        using var stream = typeof(SeedStrokes).Assembly.GetManifestResourceStream(resource)
            ?? throw new ArgumentException($"no stroke shape '{name}': the shapes are {string.Join(", ", Names)}", nameof(name));
        // Decimal keeps the seed coordinates exact (they are multiples of 1/16), so jittered values round-trip to DECIMAL(10,4).
        return JsonSerializer.Deserialize<List<SeedStroke>>(stream, Json)
            ?? throw new InvalidOperationException($"embedded resource '{resource}' is empty");
    }
}
