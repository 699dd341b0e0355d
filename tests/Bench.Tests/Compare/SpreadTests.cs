using IsuBench.Bench.Compare;
using IsuBench.Bench.Figures;

namespace IsuBench.Tests.Bench.Compare;

public sealed class SpreadTests
{
    [Fact]
    public void An_odd_count_has_the_middle_value_as_median_and_the_sample_deviation_over_the_mean_as_variation()
    {
        var spread = Spread.Of([110, 90, 100]);
        Assert.Equal(100, spread.Median);
        Assert.Equal(90, spread.Min);
        Assert.Equal(110, spread.Max);
        Assert.Equal(3, spread.Runs);
        // Sample standard deviation of 90, 100, 110 is 10; over the mean 100.
        Assert.Equal(0.1, spread.CoefficientOfVariation!.Value, 12);
    }

    [Fact]
    public void An_even_count_has_the_mean_of_the_middle_two_as_median()
    {
        Assert.Equal(150, Spread.Of([400, 100, 200, 50]).Median);
        Assert.Equal(2.5, Spread.Of([2, 3]).Median);
    }

    [Fact]
    public void One_run_or_a_zero_mean_has_no_variation()
    {
        var one = Spread.Of([42]);
        Assert.Equal((42, 42, 42), (one.Median, one.Min, one.Max));
        Assert.Null(one.CoefficientOfVariation);
        Assert.Null(Spread.Of([0, 0, 0]).CoefficientOfVariation);
        Assert.Throws<ArgumentException>(() => Spread.Of([]));
    }

    [Fact]
    public void Ranges_overlap_when_they_share_a_value()
    {
        Assert.True(Spread.Of([1, 5]).Overlaps(Spread.Of([5, 9])));
        Assert.False(Spread.Of([1, 4]).Overlaps(Spread.Of([5, 9])));
        Assert.False(Spread.Of([3]).Overlaps(Spread.Of([4])));
    }
}
