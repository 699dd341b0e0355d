using IsuBench.Bench.Reports;
using IsuBench.Tests.Bench.Infrastructure;

namespace IsuBench.Tests.Bench.Reports;

public sealed class RisingErrorsTests
{
    [Fact]
    public void The_rise_is_where_the_surge_to_the_peak_began_not_an_early_stray()
    {
        Assert.Equal(8, RisingErrors.RiseIndex([0, 1, 0, 1, 0, 0, 0, 0, 10, 20, 30, 5]));
    }

    [Fact]
    public void A_lull_shorter_than_the_quiet_samples_does_not_end_a_rise_but_one_as_long_does()
    {
        Assert.Equal(2, RisingErrors.RiseIndex([0, 0, 5, 0, 0, 10, 20]));
        Assert.Equal(4, RisingErrors.RiseIndex([5, 0, 0, 0, 10, 20]));
        // Below a tenth of the peak counts as quiet.
        Assert.Equal(3, RisingErrors.RiseIndex([9, 9, 9, 100]));
        Assert.Equal(0, RisingErrors.RiseIndex([10, 9, 9, 100]));
    }

    [Fact]
    public void The_most_frequent_messages_come_first_with_when_they_were_first_seen_rose_and_peaked()
    {
        var rises = RisingErrors.Of(SampleResults.CollapsingDocument());

        Assert.Equal(2, rises.Count); // the one-off messages are too rare to name
        var first = rises[0];
        Assert.Equal((1, SampleResults.CollapseMessage, "ordinary", 452L), (first.Rank, first.Message, first.Kind, first.Total));
        Assert.Equal((3.0, 12.0, 20.0, 90L), (first.FirstSeenSeconds, first.RiseSeconds, first.PeakSeconds, first.PeakCount));
        var second = rises[1];
        Assert.Equal((2, SampleResults.FollowingMessage, 35L), (second.Rank, second.Message, second.Total));
        Assert.Equal((14.0, 14.0, 14.0, 5L), (second.FirstSeenSeconds, second.RiseSeconds, second.PeakSeconds, second.PeakCount));
    }

    [Fact]
    public void Every_error_not_named_is_in_the_others_tracked_or_not()
    {
        var result = SampleResults.CollapsingDocument();
        var others = RisingErrors.Others(result, RisingErrors.Of(result));

        Assert.Equal(result.TimeSeries.Count, others.Count);
        Assert.Equal(30, others[17]); // 18 s: 18 one-offs still tracked, 12 beyond the tracking bound
        Assert.Equal(30, others.Sum());
        Assert.Equal(result.TimeSeries[^1].Errors, RisingErrors.Of(result).Sum(r => r.Total) + others.Sum());
    }

    [Fact]
    public void A_result_written_before_errors_over_time_names_nothing()
    {
        Assert.Empty(RisingErrors.Of(SampleResults.CollapsingDocument() with { ErrorsOverTime = null }));
    }
}
