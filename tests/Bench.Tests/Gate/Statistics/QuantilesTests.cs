using IsuBench.Bench.Statistics;

namespace IsuBench.Tests.Bench.Gate.Statistics;

public sealed class QuantilesTests
{
    // Expected values computed independently with numpy 1.24.2 (beside scipy 1.10.1):
    //   numpy.percentile([3.0, 1.0, 4.0, 1.5, 9.0, 2.6], [0, 2.5, 25, 50, 90, 97.5, 100])
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.025, 1.0625)]
    [InlineData(0.25, 1.775)]
    [InlineData(0.5, 2.8)]
    [InlineData(0.9, 6.5)]
    [InlineData(0.975, 8.375)]
    [InlineData(1.0, 9.0)]
    public void Quantiles_interpolate_linearly_as_numpy_percentile_does(double probability, double expected)
    {
        double[] sorted = [1.0, 1.5, 2.6, 3.0, 4.0, 9.0];
        Assert.Equal(expected, Quantiles.QuantileOfSorted(sorted, probability), 1e-12);
    }

    [Theory]
    [InlineData(new[] { 7.0 }, 7.0)]
    [InlineData(new[] { 3.0, 1, 2 }, 2.0)]
    [InlineData(new[] { 4.0, 1, 3, 2 }, 2.5)]
    [InlineData(new[] { 900.0, 1000 }, 950.0)]
    public void The_median_is_the_middle_value_or_the_mean_of_the_middle_two(double[] values, double median) =>
        Assert.Equal(median, Quantiles.Median(values));

    [Fact]
    public void An_empty_sample_has_no_median() =>
        Assert.Throws<ArgumentException>(() => Quantiles.Median([]));
}
