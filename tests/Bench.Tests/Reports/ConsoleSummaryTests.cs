using IsuBench.Bench.Reports;
using IsuBench.Tests.Bench.Infrastructure;

namespace IsuBench.Tests.Bench.Reports;

public sealed class ConsoleSummaryTests
{
    [Fact]
    public void It_shows_the_outcome_score_by_kind_an_endpoint_row_each_and_errors_with_counts()
    {
        var result = SampleResults.PassingDocument();
        var lines = ConsoleSummary.Render(result).TrimEnd().Split('\n');
        Assert.Equal($"PASS  score {result.Score}  (get {result.Scores["get"].Points}, post 100, stream_stroke 5)", lines[0]);
        Assert.StartsWith("front end reference · server profile not reported · isubench ", lines[1]);
        Assert.StartsWith("endpoint", lines[2]);
        foreach (var endpoint in result.Endpoints)
            Assert.Single(lines, l => l.StartsWith(endpoint.Endpoint + " ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"2× [ordinary] {SampleResults.AwkwardMessage}"));
        Assert.Contains("errors (2 in 1 distinct message):", lines);
    }

    [Fact]
    public void Errors_other_than_the_servers_are_split_out_from_the_count_the_progress_showed()
    {
        var passing = SampleResults.PassingDocument();
        var result = passing with
        {
            Errors =
            [
                .. passing.Errors,
                new ErrorDocument("warning", "contract.fields: a field is missing", 3, passing.StartedAt),
                new ErrorDocument("bench_capacity", "bench capacity reached: sockets", 1, passing.StartedAt),
            ],
        };
        var lines = ConsoleSummary.Render(result).Split('\n');
        Assert.Contains("errors (6 in 3 distinct messages: 2 server errors (the count the progress showed), 3 warnings, 1 bench capacity error):", lines);
    }

    [Theory]
    [InlineData(0, "0 runs")]
    [InlineData(1, "1 run")]
    [InlineData(2, "2 runs")]
    public void Counts_take_the_noun_in_the_right_number(long count, string expected)
    {
        Assert.Equal(expected, Quantity.Of(count, "run"));
        Assert.Equal(count == 1 ? "1 more failure" : $"{count} more failures", Quantity.Of(count, "more failure", "more failures"));
    }

    [Fact]
    public void A_failed_initial_check_says_the_load_did_not_run()
    {
        var first = ConsoleSummary.Render(SampleResults.FailingDocument()).Split('\n')[0];
        Assert.StartsWith("FAIL  score", first);
        Assert.EndsWith("[load phase not run: the initial check failed]", first);
    }
}
