namespace IsuBench.Data;

/// <summary>One original ISUCON6-final stroke shape, as stored in <c>strokes.&lt;name&gt;.json</c>.</summary>
public sealed record SeedStroke(int Width, int Red, int Green, int Blue, decimal Alpha, IReadOnlyList<SeedPoint> Points);

/// <summary>A vertex of a <see cref="SeedStroke"/>.</summary>
public readonly record struct SeedPoint(decimal X, decimal Y);
