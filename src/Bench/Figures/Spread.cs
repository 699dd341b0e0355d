using IsuBench.Bench.Statistics;

namespace IsuBench.Bench.Figures;

/// <summary>One figure over a side's runs: its median, extremes and coefficient of variation.</summary>
public sealed record Spread(double Median, double Min, double Max, double? CoefficientOfVariation, int Runs)
{
    /// <summary>The spread of <paramref name="values"/>, one per run (at least one); for an even count the median is the mean of the middle two.</summary>
    public static Spread Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("at least one value is needed", nameof(values));
        var sorted = values.Order().ToArray();
        return new Spread(Quantiles.Median(sorted), sorted[0], sorted[^1], CoefficientOfVariationOf(sorted), sorted.Length);
    }

    /// <summary>True when the two ranges (min to max) share a value, so the runs cannot tell the sides apart.</summary>
    public bool Overlaps(Spread other) => Min <= other.Max && other.Min <= Max;

    // The sample standard deviation over the mean: how much one side's runs disagree, comparable between figures of any size.
    // One run has no spread to measure, and a zero mean has no scale to measure it against.
    private static double? CoefficientOfVariationOf(double[] values)
    {
        if (values.Length < 2) return null;
        double mean = values.Average();
        if (mean == 0) return null;
        double variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        return Math.Sqrt(variance) / Math.Abs(mean);
    }
}
