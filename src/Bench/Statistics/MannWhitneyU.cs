using MathNet.Numerics.Distributions;
using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.SignificanceTesting.Base;

namespace IsuBench.Bench.Statistics;

/// <summary>
/// The Mann–Whitney U (Wilcoxon rank-sum) test of two samples against a one-sided alternative, computed as
/// scipy.stats.mannwhitneyu does with <c>method="auto"</c> and <c>use_continuity=True</c>: the exact null distribution
/// when either sample has at most 8 values and no value repeats, else the normal approximation with tie and
/// continuity corrections.
/// </summary>
// The ranks are Perfolizer's; its MannWhitneyTest is not used for the p-value, as it has neither the tie nor the
// continuity correction: on the tied and large cases of MannWhitneyUTests its p is off scipy's by up to 0.018 (Auto,
// which also takes the exact distribution with ties) and 0.042 (NormalApprox). Its normal CDF (ACM 209) is off by
// 3e-6 relative at z = 3.7 and gives 0 at z = 6, so the tail is MathNet's, within 1e-14 of scipy's.
internal static class MannWhitneyU
{
    /// <summary>The largest size of the smaller sample for which the exact distribution is used (scipy's threshold).</summary>
    public const int ExactSizeLimit = 8;

    /// <summary>
    /// Tests whether <paramref name="first"/> tends to lie as <paramref name="alternative"/> (less or greater) says
    /// against <paramref name="second"/>.
    /// </summary>
    public static RankTestResult Test(IReadOnlyList<double> first, IReadOnlyList<double> second, AlternativeHypothesis alternative)
    {
        if (first.Count == 0) throw new ArgumentException("at least one value is needed", nameof(first));
        if (second.Count == 0) throw new ArgumentException("at least one value is needed", nameof(second));
        if (alternative is not (AlternativeHypothesis.Less or AlternativeHypothesis.Greater))
            throw new ArgumentOutOfRangeException(nameof(alternative), alternative, "must be one-sided");
        if (!first.Concat(second).All(double.IsFinite)) throw new ArgumentException("values must be finite numbers");
        int n1 = first.Count, n2 = second.Count;
        // Mid-ranks. An epsilon below every non-zero difference of two finite doubles ties equal values only, as
        // scipy does; Ranker's default of 1e-9 would tie 1 and 1 + 1e-12.
        double[] ranks = Ranker.Instance.GetRanks([.. first, .. second], double.Epsilon);
        double rankSum = 0;
        for (int i = 0; i < n1; i++) rankSum += ranks[i];
        double u1 = rankSum - n1 * (n1 + 1) / 2.0;
        double u2 = (double)n1 * n2 - u1;
        // A large U1 speaks for "greater"; a large U2 for "less". Either way the p-value is the upper tail at it.
        double u = alternative == AlternativeHypothesis.Greater ? u1 : u2;

        // Tied values share one mid-rank and distinct tie groups have distinct ones, so equal ranks are a tie group.
        double tieTerm = ranks.GroupBy(rank => rank).Sum(group => { double t = group.Count(); return t * t * t - t; });
        bool exact = Math.Min(n1, n2) <= ExactSizeLimit && tieTerm == 0;
        double p = exact
            ? new MannWhitneyExactDistribution(n1, n2).UpperTail((int)Math.Round(u))
            : NormalUpperTail(StandardScore(u, n1, n2, tieTerm));
        return new RankTestResult(u1, Math.Clamp(p, 0, 1), exact);
    }

    /// <summary>P(Z ≥ <paramref name="z"/>) for a standard normal Z, taken as Φ(−z) so that small tails keep their digits.</summary>
    public static double NormalUpperTail(double z) => Normal.CDF(0, 1, -z);

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
