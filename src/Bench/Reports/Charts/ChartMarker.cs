namespace IsuBench.Bench.Reports.Charts;

/// <summary>A vertical mark across a line chart at <paramref name="X"/>: a short label on the chart and a longer <paramref name="Detail"/> as its tooltip.</summary>
public sealed record ChartMarker(double X, string Label, string Detail, string Color);
