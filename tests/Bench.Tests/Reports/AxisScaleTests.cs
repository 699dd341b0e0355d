using IsuBench.Bench.Reports.Charts;

namespace IsuBench.Tests.Bench.Reports;

public sealed class AxisScaleTests
{
    [Fact]
    public void A_linear_axis_rounds_out_to_readable_ticks_and_maps_its_ends_to_the_pixels()
    {
        var axis = AxisScale.Linear(0, 6805, 100, 500);
        Assert.Equal([0, 2000, 4000, 6000, 8000], axis.Ticks);
        Assert.Equal(100, axis.Map(0));
        Assert.Equal(500, axis.Map(8000));
        Assert.Equal(300, axis.Map(4000));
    }

    [Fact]
    public void A_flat_or_empty_series_still_gets_an_axis()
    {
        var axis = AxisScale.Linear(0, 0, 0, 100);
        Assert.True(axis.Ticks.Count >= 2);
        Assert.Equal(0, axis.Map(0));
        Assert.False(double.IsNaN(axis.Map(5)));
    }

    [Fact]
    public void A_log_axis_spans_whole_decades_and_clamps_values_outside()
    {
        var axis = AxisScale.Log(4.3, 5513, 0, 400);
        Assert.Equal([1, 10, 100, 1000, 10000], axis.Ticks);
        Assert.Equal(100, axis.Map(10), precision: 6);
        Assert.Equal(0, axis.Map(0)); // zero has no logarithm: it sits at the axis start
        Assert.Equal(400, axis.Map(1e9));
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(2000, "2000")]
    [InlineData(15000, "15k")]
    [InlineData(2_500_000, "2.5M")]
    public void Tick_labels_are_short(double value, string label) => Assert.Equal(label, AxisScale.Label(value));
}
