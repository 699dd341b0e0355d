namespace IsuBench.Checks.Documents.Api;

/// <summary>A point as the API returns it.</summary>
public sealed record ApiPoint(long Id, long StrokeId, double X, double Y);
