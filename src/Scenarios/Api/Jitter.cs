using IsuBench.Checks.Documents;

namespace IsuBench.Scenarios.Api;

/// <summary>
/// The original benchmark's "fluctuate": every point moves by a uniform value in [-1.5, +1.5) in x and y, the width
/// becomes clamp(width + uniform int in [-10, 9], 1, 50), red/green/blue become uniform ints in [100, 199], alpha stays.
/// </summary>
public static class Jitter
{
    /// <summary>Half the range a coordinate moves by.</summary>
    public const double PointSpread = 1.5;

    /// <summary>The smallest and largest width after jitter.</summary>
    public const int MinWidth = 1, MaxWidth = 50;

    /// <summary>The lowest and highest colour component after jitter.</summary>
    public const int MinColour = 100, MaxColour = 199;

    /// <summary>A jittered copy of <paramref name="seed"/>, every choice drawn from <paramref name="random"/> in a fixed order.</summary>
    public static StrokeShape Fluctuate(StrokeShape seed, Random random)
    {
        int width = Math.Clamp(seed.Width + random.Next(-10, 10), MinWidth, MaxWidth);
        int red = random.Next(MinColour, MaxColour + 1);
        int green = random.Next(MinColour, MaxColour + 1);
        int blue = random.Next(MinColour, MaxColour + 1);
        var points = new Vertex[seed.Points.Count];
        for (int i = 0; i < points.Length; i++)
        {
            double dx = random.NextDouble() * 2 * PointSpread - PointSpread;
            double dy = random.NextDouble() * 2 * PointSpread - PointSpread;
            points[i] = new Vertex(seed.Points[i].X + dx, seed.Points[i].Y + dy);
        }
        return new StrokeShape(width, red, green, blue, seed.Alpha, points);
    }
}
