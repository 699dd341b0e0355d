using IsuBench.Bench.Cost;

namespace IsuBench.Tests.Bench.Cost;

public sealed class MetricsTextTests
{
    private const string Prometheus = """
        # HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.
        # TYPE process_cpu_seconds_total counter
        process_cpu_seconds_total_extra 99
        process_cpu_seconds_total 12.34
        # HELP process_open_handles Number of open handles
        process_open_handles 123
        """;

    [Fact]
    public void The_sample_of_the_name_is_read_and_longer_names_that_begin_with_it_are_not()
    {
        Assert.Equal(12.34, MetricsText.Sample(Prometheus, "process_cpu_seconds_total"));
        Assert.Equal(123, MetricsText.Sample(Prometheus, "process_open_handles"));
    }

    [Fact]
    public void Labels_timestamps_exponents_and_openmetrics_text_are_read()
    {
        const string openMetrics = "# TYPE process_cpu_seconds counter\n"
            + "process_cpu_seconds_total{instance=\"a}b \\\"c\\\"\",job=\"x\"} 1.5e3 1700000000.000\n"
            + "# EOF\n";
        Assert.Equal(1500, MetricsText.Sample(openMetrics, "process_cpu_seconds_total"));
        Assert.Equal(7, MetricsText.Sample("process_cpu_seconds_total\t7\r\n", "process_cpu_seconds_total"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# process_cpu_seconds_total 5\n")]
    [InlineData("process_cpu_seconds 5\n")]
    [InlineData("process_cpu_seconds_total NaN\n")]
    [InlineData("process_cpu_seconds_total +Inf\n")]
    [InlineData("process_cpu_seconds_total\n")]
    [InlineData("process_cpu_seconds_total{job=\"x\" 5\n")]
    public void Without_a_finite_sample_of_the_name_there_is_none(string text) =>
        Assert.Null(MetricsText.Sample(text, "process_cpu_seconds_total"));

    [Fact]
    public void The_reference_servers_metrics_read_as_its_process_cpu_time()
    {
        var before = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var read = MetricsText.Sample(IsuBench.Reference.Hosting.ProcessMetricsEndpoint.Render(), MetricsEndpointReader.Series);
        var after = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        Assert.NotNull(read);
        Assert.InRange(read.Value, before, after);
    }
}
