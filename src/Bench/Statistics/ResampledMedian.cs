namespace IsuBench.Bench.Statistics;

/// <summary>
/// Draws the median of a resample with replacement of a sample without sorting the resample: it counts how often each
/// of the sorted values was drawn and walks the counts to the middle, which keeps many thousand resamples cheap.
/// </summary>
// Not a Perfolizer median of each resample: that builds and sorts a sample per draw, and the estimate of more runs
// draws some millions.
internal sealed class ResampledMedian
{
    private readonly double[] _sorted;
    private readonly int[] _draws;

    /// <summary>Resamples of <paramref name="sample"/> (at least one value), each of its size.</summary>
    public ResampledMedian(IReadOnlyList<double> sample)
    {
        if (sample.Count == 0) throw new ArgumentException("at least one value is needed", nameof(sample));
        _sorted = sample.Order().ToArray();
        _draws = new int[_sorted.Length];
    }

    /// <summary>The median of one resample drawn with <paramref name="random"/>.</summary>
    public double Draw(Random random)
    {
        int n = _sorted.Length;
        Array.Clear(_draws);
        for (int i = 0; i < n; i++) _draws[random.Next(n)]++;
        // The resample sorted holds _sorted[j] at positions seen..seen+_draws[j]−1; the median sits at (n−1)/2 and n/2.
        int lowPosition = (n - 1) / 2, highPosition = n / 2;
        double low = 0;
        bool lowFound = false;
        int seen = 0;
        for (int j = 0; j < n; j++)
        {
            seen += _draws[j];
            if (!lowFound && seen > lowPosition) (low, lowFound) = (_sorted[j], true);
            if (seen > highPosition) return (low + _sorted[j]) / 2;
        }
        throw new InvalidOperationException("the draws did not add up to the sample's size");
    }
}
