namespace IsuBench.Checks.Documents;

/// <summary>A <c>&lt;polyline&gt;</c> of an SVG image: its attributes as written and its points parsed.</summary>
public sealed record SvgPolyline(string? Id, IReadOnlyList<Vertex> Points, string? Stroke, string? StrokeWidth);
