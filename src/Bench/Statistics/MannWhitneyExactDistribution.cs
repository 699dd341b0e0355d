namespace IsuBench.Bench.Statistics;

/// <summary>
/// The null distribution of the Mann–Whitney U statistic for samples of sizes m and n without ties: the number of
/// orderings giving U = k is the coefficient of qᵏ in the Gaussian binomial coefficient [m+n choose m]_q
/// (Mann and Whitney 1947; Andrews, The Theory of Partitions, ch. 3).
/// </summary>
// Not Perfolizer's MannWhitneyClassicExactCdf or MannWhitneyLoefflerExactCdf: they agree with scipy to 2.2e-16 on the
// exact cases of MannWhitneyUTests, but count in Int64 against a Pascal triangle that ends at m + n = 65, so 8 values
// against 60 throw ArgumentOutOfRangeException where scipy's rule (the smaller sample at most 8) and this class give
// the exact p (0.6765 for U = 216).
internal sealed class MannWhitneyExactDistribution
{
    private readonly double[] _counts;
    private readonly double _total;

    /// <summary>The distribution for samples of <paramref name="m"/> and <paramref name="n"/> values (both at least 1).</summary>
    public MannWhitneyExactDistribution(int m, int n)
    {
        if (m < 1) throw new ArgumentOutOfRangeException(nameof(m), m, "must be at least 1");
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "must be at least 1");
        _counts = GaussianBinomialCoefficients(m + n, Math.Min(m, n));
        _total = _counts.Sum();
    }

    /// <summary>P(U ≥ <paramref name="u"/>) under the null hypothesis.</summary>
    public double UpperTail(int u)
    {
        if (u <= 0) return 1;
        if (u >= _counts.Length) return 0;
        double sum = 0;
        for (int k = u; k < _counts.Length; k++) sum += _counts[k];
        return sum / _total;
    }

    // The coefficients of [a choose b]_q by the q-Pascal rule [a, b] = [a−1, b−1] + q^b·[a−1, b]: only additions of
    // non-negative counts, so no precision is lost to cancellation.
    private static double[] GaussianBinomialCoefficients(int a, int b)
    {
        int degree = b * (a - b);
        // rows[j] holds [i, j] for the current i; row i−1 is overwritten from high j down so [i−1, j−1] is still there.
        var rows = new double[b + 1][];
        for (int j = 0; j <= b; j++) rows[j] = new double[degree + 1];
        rows[0][0] = 1;
        for (int i = 1; i <= a; i++)
        {
            for (int j = Math.Min(i, b); j >= 1; j--)
            {
                var row = rows[j];
                var previous = rows[j - 1];
                // q^j·[i−1, j] shifts this row up by j: walk from the top so each entry is read before it is replaced.
                int top = Math.Min(degree, j * (i - j));
                for (int k = top; k >= 0; k--)
                    row[k] = (k >= j ? row[k - j] : 0) + previous[k];
            }
        }
        return rows[b];
    }
}
