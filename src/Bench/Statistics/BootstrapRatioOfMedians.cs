using Perfolizer.Mathematics.Common;

namespace IsuBench.Bench.Statistics;

/// <summary>
/// The ratio of two samples' medians and its bootstrap percentile confidence interval (Efron and Tibshirani,
/// An Introduction to the Bootstrap, 1993, ch. 13): each resample draws every sample anew with replacement at its own
/// size, and the interval is the central share of the resampled ratios. Perfolizer 0.6.1 has no bootstrap.
/// </summary>
internal static class BootstrapRatioOfMedians
{
    /// <summary>
    /// <paramref name="numerator"/> over <paramref name="denominator"/>. A median of zero or below has no scale to divide
    /// by: the ratio is then 1 when the two are equal, unbounded when the numerator is larger and 0 when smaller.
    /// </summary>
    public static double Ratio(double numerator, double denominator)
    {
        if (denominator > 0) return numerator / denominator;
        if (numerator == denominator) return 1;
        return numerator > denominator ? double.PositiveInfinity : 0;
    }

    /// <summary>The ratio of the medians of the two samples.</summary>
    public static double PointEstimate(IReadOnlyList<double> numerator, IReadOnlyList<double> denominator) =>
        Ratio(Quantiles.Median(numerator), Quantiles.Median(denominator));

    /// <summary>
    /// The point estimate and its percentile interval at <paramref name="confidence"/> from <paramref name="resamples"/>
    /// resamples drawn with <paramref name="random"/>; the same seed gives the same interval.
    /// </summary>
    public static ConfidenceInterval Interval(
        IReadOnlyList<double> numerator, IReadOnlyList<double> denominator, double confidence, int resamples, Random random)
    {
        if (numerator.Count == 0) throw new ArgumentException("at least one value is needed", nameof(numerator));
        if (denominator.Count == 0) throw new ArgumentException("at least one value is needed", nameof(denominator));
        if (!(confidence > 0 && confidence < 1)) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "must lie in (0, 1)");
        if (resamples < 1) throw new ArgumentOutOfRangeException(nameof(resamples), resamples, "must be at least 1");
        var top = new ResampledMedian(numerator);
        var bottom = new ResampledMedian(denominator);
        var ratios = new double[resamples];
        for (int r = 0; r < resamples; r++)
            ratios[r] = Ratio(top.Draw(random), bottom.Draw(random));
        Array.Sort(ratios);
        double tail = (1 - confidence) / 2;
        return new ConfidenceInterval(
            PointEstimate(numerator, denominator), Quantiles.QuantileOfSorted(ratios, tail), Quantiles.QuantileOfSorted(ratios, 1 - tail), confidence);
    }
}
