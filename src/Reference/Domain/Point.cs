namespace IsuBench.Reference.Domain;

/// <summary>One vertex of a stroke's polyline.</summary>
public sealed record Point(long Id, long StrokeId, double X, double Y);
