using IsuBench.Checks.Documents;

namespace IsuBench.Scenarios.Api;

/// <summary>A stroke as the bench posts it: width, colour, alpha and the polyline's vertices.</summary>
public sealed record StrokeShape(int Width, int Red, int Green, int Blue, double Alpha, IReadOnlyList<Vertex> Points);
