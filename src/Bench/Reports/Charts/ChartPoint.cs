namespace IsuBench.Bench.Reports.Charts;

/// <summary>One point of a chart series.</summary>
internal readonly record struct ChartPoint(double X, double Y);
