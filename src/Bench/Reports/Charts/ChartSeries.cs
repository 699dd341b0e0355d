namespace IsuBench.Bench.Reports.Charts;

/// <summary>One named line of a line chart: (x, y) points in x order, in <paramref name="Color"/> or else the palette's colour of its place.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points, string? Color = null);
