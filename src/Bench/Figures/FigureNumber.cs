using System.Globalization;

namespace IsuBench.Bench.Figures;

/// <summary>How the gate and compare write a figure's number.</summary>
internal static class FigureNumber
{
    /// <summary>A number with two decimals below 10 (sub-millisecond latencies) and one above.</summary>
    public static string Text(double value) =>
        value.ToString(Math.Abs(value) < 10 ? "0.##" : "0.#", CultureInfo.InvariantCulture);
}
