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
    }

    [Fact]
    public void A_failed_initial_check_says_the_load_did_not_run()
    {
        var first = ConsoleSummary.Render(SampleResults.FailingDocument()).Split('\n')[0];
        Assert.StartsWith("FAIL  score", first);
        Assert.EndsWith("[load phase not run: the initial check failed]", first);
    }
}
