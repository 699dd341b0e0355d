namespace IsuBench.Bench.Gate.Statistics;

/// <summary>The median and other quantiles of a sorted sample, defined as numpy's defaults define them.</summary>
public static class Quantiles
{
    /// <summary>The middle value of <paramref name="sorted"/>, or the mean of the middle two for an even count.</summary>
    public static double MedianOfSorted(ReadOnlySpan<double> sorted)
    {
        if (sorted.IsEmpty) throw new ArgumentException("at least one value is needed", nameof(sorted));
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The median of <paramref name="values"/> in any order.</summary>
    public static double Median(IEnumerable<double> values) => MedianOfSorted(values.Order().ToArray());

    /// <summary>
    /// The <paramref name="probability"/> quantile of <paramref name="sorted"/>, interpolating linearly between the
    /// order statistics around position (n − 1)·p (Hyndman and Fan's definition 7, numpy.percentile's default).
    /// </summary>
    public static double QuantileOfSorted(ReadOnlySpan<double> sorted, double probability)
    {
        if (sorted.IsEmpty) throw new ArgumentException("at least one value is needed", nameof(sorted));
        if (!(probability >= 0 && probability <= 1)) throw new ArgumentOutOfRangeException(nameof(probability), probability, "must lie in [0, 1]");
        double position = (sorted.Length - 1) * probability;
        int below = (int)Math.Floor(position);
        if (below >= sorted.Length - 1) return sorted[^1];
        double fraction = position - below;
        double low = sorted[below], high = sorted[below + 1];
        // Equal neighbours give exactly their value, whatever the fraction.
        return low == high ? low : low + (high - low) * fraction;
    }
}
