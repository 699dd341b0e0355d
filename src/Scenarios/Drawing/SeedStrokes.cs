using System.Text.Json;
using IsuBench.Checks.Documents;

namespace IsuBench.Scenarios.Drawing;

/// <summary>The original stroke shapes embedded in this assembly as <c>strokes.&lt;name&gt;.json</c> (isu, star, stars, stool, www).</summary>
public static class SeedStrokes
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The strokes of the shape <paramref name="name"/> in drawing order.</summary>
    public static IReadOnlyList<SeedStroke> Load(string name)
    {
        var resource = $"strokes.{name}.json";
        using var stream = typeof(SeedStrokes).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource '{resource}' is missing");
        var shapes = JsonSerializer.Deserialize<List<ShapeStroke>>(stream, Json)
            ?? throw new InvalidOperationException($"embedded resource '{resource}' is empty");
        return shapes
            .Select(s => new SeedStroke(s.Width, s.Red, s.Green, s.Blue, s.Alpha, s.Points.Select(p => new Vertex(p.X, p.Y)).ToList()))
            .ToList();
    }

    private sealed record ShapeStroke(int Width, int Red, int Green, int Blue, double Alpha, List<ShapePoint> Points);

    private sealed record ShapePoint(double X, double Y);
}
