namespace IsuBench.Bench.Reports.Charts;

/// <summary>Series colours, distinguishable in colour and in greyscale print.</summary>
internal static class ChartPalette
{
    private static readonly string[] Colors = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf", "#7f7f7f"];

    // Blues and greys, alternating dark and light, for series that are sides of a comparison: red and green are kept for
    // worse and better there.
    private static readonly string[] SideColors = ["#1f4e79", "#9e9e9e", "#5b9bd5", "#3a3a3a", "#9ecae1", "#cfcfcf"];

    /// <summary>The colour of series number <paramref name="index"/>.</summary>
    public static string Color(int index) => Colors[index % Colors.Length];

    /// <summary>The colour of side number <paramref name="index"/> of a comparison: a blue or a grey, never red or green.</summary>
    public static string Side(int index) => SideColors[index % SideColors.Length];
}
