namespace IsuBench.Checks.Documents;

/// <summary>One x,y vertex of a stroke: as posted, as returned, or as drawn in the SVG.</summary>
public readonly record struct Vertex(double X, double Y);
