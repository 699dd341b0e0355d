using IsuBench.Bench.Statistics;

namespace IsuBench.Tests.Bench.Gate.Statistics;

// The standard normal upper tail that MannWhitneyU takes from MathNet.Numerics for its normal approximation.
public sealed class NormalDistributionTests
{
    // Expected values computed independently with scipy 1.10.1: scipy.stats.norm.sf(z).
    [Theory]
    [InlineData(-3.0, 0.9986501019683699)]
    [InlineData(-1.5, 0.9331927987311419)]
    [InlineData(-0.2, 0.579259709439103)]
    [InlineData(0.0, 0.5)]
    [InlineData(0.3, 0.3820885778110474)]
    [InlineData(1.0, 0.15865525393145707)]
    [InlineData(1.6448536269514722, 0.050000000000000044)]
    [InlineData(2.5, 0.006209665325776132)]
    [InlineData(3.7, 0.00010779973347738823)]
    [InlineData(6.0, 9.865876450376946e-10)]
    [InlineData(9.0, 1.1285884059538324e-19)]
    public void The_upper_tail_agrees_with_scipy_to_about_twelve_digits(double z, double expected)
    {
        double tail = MannWhitneyU.NormalUpperTail(z);
        Assert.True(Math.Abs(tail - expected) <= 1e-12 * expected, $"sf({z}) = {tail:R}, scipy {expected:R}");
    }

    [Fact]
    public void The_tails_at_the_infinities_are_one_and_zero()
    {
        Assert.Equal(1, MannWhitneyU.NormalUpperTail(double.NegativeInfinity));
        Assert.Equal(0, MannWhitneyU.NormalUpperTail(double.PositiveInfinity));
    }
}
