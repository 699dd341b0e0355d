namespace IsuBench.Bench.Reports.Charts;

/// <summary>Series colours, distinguishable in colour and in greyscale print.</summary>
public static class ChartPalette
{
    private static readonly string[] Colors = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf", "#7f7f7f"];

    /// <summary>The colour of series number <paramref name="index"/>.</summary>
    public static string Color(int index) => Colors[index % Colors.Length];
}
