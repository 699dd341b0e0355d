using IsuBench.Checks.Documents;

namespace IsuBench.Scenarios.Drawing;

/// <summary>The original benchmark's "fluctuate": every point moved in [-1.5, +1.5), width ± up to 10 within 1..50, a new colour in 100..199, alpha kept.</summary>
public static class StrokeJitter
{
    /// <summary>A jittered copy of <paramref name="stroke"/> drawn from <paramref name="random"/>.</summary>
    public static SeedStroke Apply(SeedStroke stroke, Random random)
    {
        var points = stroke.Points
            .Select(p => new Vertex(p.X + Offset(random), p.Y + Offset(random)))
            .ToList();
        var width = Math.Clamp(stroke.Width + random.Next(-10, 10), 1, 50);
        return new SeedStroke(width, random.Next(100, 200), random.Next(100, 200), random.Next(100, 200), stroke.Alpha, points);
    }

    private static double Offset(Random random) => random.NextDouble() * 3.0 - 1.5;
}
