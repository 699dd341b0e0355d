using IsuBench.Bench.Statistics;
using Perfolizer.Mathematics.SignificanceTesting.Base;

namespace IsuBench.Tests.Bench.Gate.Statistics;

public sealed class MannWhitneyUTests
{
    // Expected U and p computed independently with scipy 1.10.1:
    //   scipy.stats.mannwhitneyu(first, second, alternative=ALT, method="auto")   (use_continuity=True, the default)
    // "auto" chose the exact distribution in these cases (no ties, a sample of at most 8), as the test says.
    [Theory]
    [InlineData(new[] { 1.0, 2, 3 }, new[] { 4.0, 5, 6 }, "less", 0.0, 0.05)]
    [InlineData(new[] { 1.0, 2, 3 }, new[] { 4.0, 5, 6 }, "greater", 0.0, 1.0)]
    [InlineData(new[] { 8000.0, 8300, 7900, 8100, 8200 }, new[] { 10000.0, 10400, 9800, 10100, 9900 }, "less", 0.0, 0.003968253968253968)]
    [InlineData(new[] { 8000.0, 8300, 7900, 8100, 8200 }, new[] { 10000.0, 10400, 9800, 10100, 9900 }, "greater", 0.0, 0.9999999999999998)]
    [InlineData(new[] { 3.1, 7.4, 2.2, 9.9 }, new[] { 4.4, 1.5, 6.0, 8.8, 5.3, 0.7 }, "less", 15.0, 0.7619047619047619)]
    [InlineData(new[] { 3.1, 7.4, 2.2, 9.9 }, new[] { 4.4, 1.5, 6.0, 8.8, 5.3, 0.7 }, "greater", 15.0, 0.30476190476190473)]
    [InlineData(new[] { 12.0, 30, 18, 25, 40, 7, 33 }, new[] { 15.0, 22, 28, 9, 35 }, "less", 19.0, 0.6224747474747474)]
    [InlineData(new[] { 12.0, 30, 18, 25, 40, 7, 33 }, new[] { 15.0, 22, 28, 9, 35 }, "greater", 19.0, 0.43813131313131315)]
    [InlineData(new[] { 3.5, 9.5, 14.5 }, new[] { 1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }, "less", 24.0, 0.8175824175824176)]
    [InlineData(new[] { 3.5, 9.5, 14.5 }, new[] { 1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }, "greater", 24.0, 0.22417582417582418)]
    [InlineData(new[] { 0.5, 2.5, 4.5, 6.5, 8.5, 10.5, 12.5, 14.5 }, new[] { 1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 }, "less", 56.0, 0.11874180569832746)]
    [InlineData(new[] { 0.5, 2.5, 4.5, 6.5, 8.5, 10.5, 12.5, 14.5 }, new[] { 1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 }, "greater", 56.0, 0.891151360716578)]
    public void Small_samples_without_ties_use_the_exact_distribution_as_scipy_does(double[] first, double[] second, string alternative, double u, double p)
    {
        var test = MannWhitneyU.Test(first, second, Alternative(alternative));

        Assert.True(test.Exact);
        Assert.Equal(u, test.U);
        Assert.Equal(p, test.P, 1e-12);
    }

    // Expected U and p computed independently with scipy 1.10.1:
    //   scipy.stats.mannwhitneyu(first, second, alternative=ALT, method="auto")   (use_continuity=True, the default)
    // "auto" chose the normal approximation: ties (the first four pairs) or both samples larger than 8 (the last two).
    [Theory]
    [InlineData(new[] { 10000.0, 9950, 10200, 9850, 10000 }, new[] { 10000.0, 10400, 9800, 10100, 9900 }, "less", 12.0, 0.5)]
    [InlineData(new[] { 10000.0, 9950, 10200, 9850, 10000 }, new[] { 10000.0, 10400, 9800, 10100, 9900 }, "greater", 12.0, 0.5837405936603622)]
    [InlineData(new[] { 1.0, 2, 2, 3, 3, 3 }, new[] { 2.0, 3, 4, 4, 5 }, "less", 5.5, 0.04435684599838808)]
    [InlineData(new[] { 1.0, 2, 2, 3, 3, 3 }, new[] { 2.0, 3, 4, 4, 5 }, "greater", 5.5, 0.970711726568604)]
    [InlineData(new[] { 5.0, 5, 5 }, new[] { 5.0, 5, 5, 5 }, "less", 6.0, 1.0)]
    [InlineData(new[] { 5.0, 5, 5 }, new[] { 5.0, 5, 5, 5 }, "greater", 6.0, 1.0)]
    [InlineData(new[] { 1.0, 3, 5, 7, 9, 11, 13, 15, 17, 19 }, new[] { 2.0, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22 }, "less", 45.0, 0.2517573552131357)]
    [InlineData(new[] { 1.0, 3, 5, 7, 9, 11, 13, 15, 17, 19 }, new[] { 2.0, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22 }, "greater", 45.0, 0.7701642045207181)]
    [InlineData(new[] { 0.91, 0.87, 0.95, 0.90, 0.88, 0.93, 0.86, 0.92, 0.94, 0.89 }, new[] { 0.97, 0.99, 0.96, 1.01, 0.98, 1.02, 0.95, 1.00, 1.03 }, "less", 0.5, 0.0001627188509317808)]
    [InlineData(new[] { 0.91, 0.87, 0.95, 0.90, 0.88, 0.93, 0.86, 0.92, 0.94, 0.89 }, new[] { 0.97, 0.99, 0.96, 1.01, 0.98, 1.02, 0.95, 1.00, 1.03 }, "greater", 0.5, 0.9998814692973835)]
    public void Ties_or_large_samples_use_the_normal_approximation_with_tie_and_continuity_corrections(double[] first, double[] second, string alternative, double u, double p)
    {
        var test = MannWhitneyU.Test(first, second, Alternative(alternative));

        Assert.False(test.Exact);
        Assert.Equal(u, test.U);
        Assert.Equal(p, test.P, 1e-12);
    }

    [Fact]
    public void The_order_of_the_values_does_not_matter()
    {
        var sorted = MannWhitneyU.Test([7900, 8000, 8100, 8200, 8300], [9800, 9900, 10000, 10100, 10400], AlternativeHypothesis.Less);
        var shuffled = MannWhitneyU.Test([8200, 7900, 8300, 8000, 8100], [10100, 9800, 10400, 10000, 9900], AlternativeHypothesis.Less);
        Assert.Equal(sorted, shuffled);
    }

    [Fact]
    public void An_empty_sample_is_refused() =>
        Assert.Throws<ArgumentException>(() => MannWhitneyU.Test([], [1.0], AlternativeHypothesis.Less));

    // Only equal values tie, as in scipy's rankdata: 1 and 1 + 1e-12 are two ranks, so the exact distribution applies.
    // By enumeration of the six orderings of two against two, P(U2 ≥ 2) = 4/6.
    [Fact]
    public void Values_apart_by_less_than_a_billionth_are_not_tied()
    {
        var test = MannWhitneyU.Test([1, 3], [1 + 1e-12, 2], AlternativeHypothesis.Less);

        Assert.True(test.Exact);
        Assert.Equal(2, test.U);
        Assert.Equal(4.0 / 6, test.P, 1e-12);
    }

    [Fact]
    public void A_two_sided_alternative_and_infinite_values_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MannWhitneyU.Test([1.0], [2.0], AlternativeHypothesis.TwoSides));
        Assert.Throws<ArgumentException>(() => MannWhitneyU.Test([1.0, double.PositiveInfinity], [2.0], AlternativeHypothesis.Less));
    }

    private static AlternativeHypothesis Alternative(string scipyName) =>
        scipyName == "less" ? AlternativeHypothesis.Less : AlternativeHypothesis.Greater;
}
