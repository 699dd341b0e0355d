using System.Collections.Concurrent;
using IsuBench.Checks.Documents;
using IsuBench.Data;

namespace IsuBench.Scenarios.Api;

/// <summary>The original stroke shapes (<see cref="SeedStrokes"/>) as the bench posts them: coordinates as numbers of the JSON it sends.</summary>
internal static class StrokeSeeds
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<StrokeShape>> Cache = new(StringComparer.Ordinal);

    /// <summary>The strokes of shape <paramref name="name"/> in drawing order (read once, then shared; the records are immutable).</summary>
    public static IReadOnlyList<StrokeShape> Load(string name) => Cache.GetOrAdd(name, static shape =>
        SeedStrokes.Load(shape).Select(seed => new StrokeShape(seed.Width, seed.Red, seed.Green, seed.Blue, (double)seed.Alpha,
            seed.Points.Select(point => new Vertex((double)point.X, (double)point.Y)).ToList())).ToList());
}
