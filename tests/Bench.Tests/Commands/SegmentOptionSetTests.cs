using IsuBench.Bench.Commands;
using IsuBench.Bench.Repeat;
using IsuBench.Engine.Execution;
using IsuBench.Scenarios.Run;

namespace IsuBench.Tests.Bench.Commands;

public sealed class SegmentOptionSetTests
{
    private static readonly BenchmarkOptions Options = new() { Targets = [new Uri("http://127.0.0.1:8080")] };
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

    private static SegmentOptionSet.Reading Check(string? segment, string? startAt = null, bool skip = false, BenchmarkOptions? options = null,
        RepeatSettings? repeat = null, string? outDirectory = "out") =>
        SegmentOptionSet.Check(segment, startAt, skip, options ?? Options, repeat ?? RepeatSettings.Once, outDirectory, Now);

    [Fact]
    public void A_segment_with_a_start_time_in_the_future_is_read_into_the_options()
    {
        var reading = Check("2/3", "2026-12-07T15:00:30Z");
        Assert.Null(reading.Error);
        Assert.True(reading.WritesPartial);
        Assert.Equal(new Segment(2, 3), reading.Options.Segment);
        Assert.Equal(Now.AddSeconds(30), reading.Options.StartAt);
    }

    [Fact]
    public void A_start_time_without_an_offset_is_UTC()
    {
        Assert.Equal(Now.AddMinutes(1), Check(null, "2026-12-07T15:01:00").Options.StartAt);
    }

    [Theory]
    [InlineData("2/3", "2026-12-07T14:59:59Z", false, "has passed: this machine's clock reads 2026-12-07T15:00:00.000Z")]
    [InlineData("2/3", "tomorrow", false, "--start-at takes a UTC ISO-8601 time")]
    [InlineData("4/3", null, false, "I must be between 1 and N")]
    [InlineData("1/3", null, true, "is the one that runs the initial check")]
    [InlineData(null, null, true, "--skip-initial-check is for segments after the first")]
    public void Mistakes_are_refused_with_a_message_saying_what_to_fix(string? segment, string? startAt, bool skip, string message)
    {
        var reading = Check(segment, startAt, skip);
        Assert.Contains(message, reading.Error);
        Assert.False(reading.WritesPartial);
    }

    [Fact]
    public void A_segment_needs_an_out_folder_and_the_isucon_workload_and_one_run()
    {
        Assert.Contains("needs --out DIR", Check("1/2", outDirectory: null).Error);
        Assert.Contains("isucon workload only", Check("1/2", options: Options with { Workload = LoadWorkload.Gate }).Error);
        Assert.Contains("--repeat", Check("1/2", repeat: new RepeatSettings(3, null)).Error);
    }
}
