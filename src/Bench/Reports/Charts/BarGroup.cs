namespace IsuBench.Bench.Reports.Charts;

/// <summary>One bar series of a grouped bar chart: a name and one value per category.</summary>
internal sealed record BarGroup(string Name, IReadOnlyList<double> Values);
