namespace IsuBench.Bench.Gate.Statistics;

/// <summary>
/// The Mann–Whitney U (Wilcoxon rank-sum) test of two samples against a one-sided alternative, computed as
/// scipy.stats.mannwhitneyu does with <c>method="auto"</c> and <c>use_continuity=True</c>: the exact null distribution
/// when either sample has at most 8 values and no value repeats, else the normal approximation with tie and
/// continuity corrections.
/// </summary>
public static class MannWhitneyU
{
    /// <summary>The largest size of the smaller sample for which the exact distribution is used (scipy's threshold).</summary>
    public const int ExactSizeLimit = 8;

    /// <summary>Tests whether <paramref name="first"/> tends to lie as <paramref name="alternative"/> says against <paramref name="second"/>.</summary>
    public static RankTestResult Test(IReadOnlyList<double> first, IReadOnlyList<double> second, OneSidedAlternative alternative)
    {
        if (first.Count == 0) throw new ArgumentException("at least one value is needed", nameof(first));
        if (second.Count == 0) throw new ArgumentException("at least one value is needed", nameof(second));
        if (first.Concat(second).Any(double.IsNaN)) throw new ArgumentException("values must be numbers, not NaN");
        int n1 = first.Count, n2 = second.Count;
        var ranks = MidRanks.Of([.. first, .. second]);
        double rankSum = 0;
        for (int i = 0; i < n1; i++) rankSum += ranks.Ranks[i];
        double u1 = rankSum - n1 * (n1 + 1) / 2.0;
        double u2 = (double)n1 * n2 - u1;
        // A large U1 speaks for "greater"; a large U2 for "less". Either way the p-value is the upper tail at it.
        double u = alternative == OneSidedAlternative.Greater ? u1 : u2;

        bool exact = Math.Min(n1, n2) <= ExactSizeLimit && !ranks.HasTies;
        double p = exact
            ? new MannWhitneyExactDistribution(n1, n2).UpperTail((int)Math.Round(u))
            : NormalDistribution.UpperTail(StandardScore(u, n1, n2, ranks.TieTerm));
        return new RankTestResult(u1, Math.Clamp(p, 0, 1), exact);
    }

    // z = (U − n1·n2/2 − 1/2) / σ with σ² = n1·n2/12 · ((n + 1) − Σ(t³ − t)/(n(n − 1))) (Lehmann, Nonparametrics,
    // 1975, for the tie correction). The half is the continuity correction toward the mean, as the tail includes U.
    private static double StandardScore(double u, int n1, int n2, double tieTerm)
    {
        double n = n1 + n2;
        double sigma = Math.Sqrt((double)n1 * n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1))));
        double numerator = u - (double)n1 * n2 / 2 - 0.5;
        // All values tied: no spread, no evidence either way.
        return sigma > 0 ? numerator / sigma : double.NegativeInfinity;
    }
}
