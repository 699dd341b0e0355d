namespace IsuBench.Checks.Documents;

/// <summary>One vertex of a polyline (in the SVG or as posted).</summary>
public readonly record struct SvgPoint(double X, double Y);
