using IsuBench.Bench.Statistics;

namespace IsuBench.Tests.Bench.Gate.Statistics;

public sealed class BootstrapRatioOfMediansTests
{
    // The exact bootstrap distribution, computed independently with Python 3 (numpy 1.24.2, beside scipy 1.10.1) by
    // enumerating every resample of each sample:
    //   mn = [numpy.median(c) for c in itertools.product(numerator, repeat=len(numerator))]
    //   md = [numpy.median(c) for c in itertools.product(denominator, repeat=len(denominator))]
    //   ratios = numpy.divide.outer(mn, md).ravel()
    //   numpy.percentile(ratios, [2.5, 97.5])
    // Each quantile lies inside one atom of that distribution with at least 0.01 of probability on either side (six
    // standard errors of a quantile from 10,000 resamples), so the Monte Carlo interval must land on the same values.
    [Theory]
    [InlineData(new[] { 8.0, 9, 11 }, new[] { 10.0, 12, 13 }, 0.6153846153846154, 1.1)]
    [InlineData(new[] { 90.0, 100, 104, 97 }, new[] { 100.0, 103, 98 }, 0.9, 1.0408163265306123)]
    [InlineData(new[] { 120.0, 95, 130, 101, 99 }, new[] { 100.0, 104, 97 }, 0.95, 1.3)]
    public void The_interval_matches_the_exact_bootstrap_distribution_of_tiny_samples(double[] numerator, double[] denominator, double lower, double upper)
    {
        var interval = BootstrapRatioOfMedians.Interval(numerator, denominator, 0.95, 10_000, new Random(20_161_022));

        Assert.Equal(lower, interval.Lower, 1e-9);
        Assert.Equal(upper, interval.Upper, 1e-9);
        Assert.Equal(0.95, interval.ConfidenceLevel.Value);
    }

    [Fact]
    public void The_same_seed_gives_the_same_interval_and_another_seed_may_not()
    {
        double[] numerator = [9.1, 8.7, 10.2, 9.6, 8.9, 9.9, 10.4], denominator = [10.0, 10.3, 9.8, 10.6, 9.7, 10.1];

        var first = BootstrapRatioOfMedians.Interval(numerator, denominator, 0.95, 10_000, new Random(1));
        var again = BootstrapRatioOfMedians.Interval(numerator, denominator, 0.95, 10_000, new Random(1));
        var other = BootstrapRatioOfMedians.Interval(numerator, denominator, 0.95, 200, new Random(2));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void The_point_estimate_is_the_ratio_of_the_medians() =>
        Assert.Equal(0.81, BootstrapRatioOfMedians.PointEstimate([8000, 8300, 7900, 8100, 8200], [10000, 10400, 9800, 10100, 9900]), 1e-12);

    [Theory]
    [InlineData(5.0, 0.0, double.PositiveInfinity)]
    [InlineData(0.0, 0.0, 1.0)]
    [InlineData(-1.0, 0.0, 0.0)]
    [InlineData(3.0, 4.0, 0.75)]
    public void A_denominator_of_zero_gives_a_ratio_that_still_says_better_or_worse(double numerator, double denominator, double ratio) =>
        Assert.Equal(ratio, BootstrapRatioOfMedians.Ratio(numerator, denominator));
}
