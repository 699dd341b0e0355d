namespace IsuBench.Bench.Reports.Charts;

/// <summary>One point of a chart series.</summary>
public readonly record struct ChartPoint(double X, double Y);
