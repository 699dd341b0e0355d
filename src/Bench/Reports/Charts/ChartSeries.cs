namespace IsuBench.Bench.Reports.Charts;

/// <summary>One named line of a line chart: (x, y) points in x order.</summary>
internal sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);
