using IsuBench.Checks.Documents;

namespace IsuBench.Scenarios.Drawing;

/// <summary>A stroke to post: width, colour, alpha and points, as the original shapes hold them or after jitter.</summary>
public sealed record SeedStroke(int Width, int Red, int Green, int Blue, double Alpha, IReadOnlyList<Vertex> Points);
