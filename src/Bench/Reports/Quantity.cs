using System.Globalization;

namespace IsuBench.Bench.Reports;

/// <summary>A count with its noun in the right number, for the terminal and the reports: "1 verdict", "2 verdicts".</summary>
internal static class Quantity
{
    /// <summary><paramref name="count"/> and <paramref name="noun"/>, plural unless the count is one (<paramref name="plural"/>, or the noun with an s).</summary>
    public static string Of(long count, string noun, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : plural ?? noun + "s");
}
