using System.Xml.Linq;
using IsuBench.Bench.Reports;
using IsuBench.Tests.Bench.Infrastructure;
using NJsonSchema;

namespace IsuBench.Tests.Bench.Reports;

/// <summary>The result of <c>run --repeat N</c>: the median run's details, every run's outcome, the spread of each figure, in every report.</summary>
public sealed class RepeatedRunsReportTests
{
    private static ResultDocument Run(string id, long score, bool pass = true, double? p50 = null, string? message = null)
    {
        var run = pass ? SampleResults.PassingDocument() : SampleResults.FailingDocument();
        return run with
        {
            RunId = id,
            Score = score,
            Messages = message is null ? [] : [message],
            GateFigures = p50 is { } value ? new Dictionary<string, GateFigureDocument> { ["GET / p50_ms"] = new(value, GateFigureDocument.Lower) } : null,
        };
    }

    [Fact]
    public void The_result_is_the_median_run_with_the_median_score_and_the_spread_of_every_figure()
    {
        ResultDocument[] runs = [Run("run-1", 100, p50: 10), Run("run-2", 300, p50: 30, message: "b"), Run("run-3", 200, p50: 20, message: "a")];

        var result = RepeatDocument.Summarize(runs, "nightly");

        Assert.Equal("nightly", result.RunId);
        Assert.Equal(200, result.Score);
        Assert.True(result.Pass);
        Assert.Equal(["a", "b"], result.Messages);
        Assert.Equal(runs[0].StartedAt, result.StartedAt);
        var repeat = result.Repeat!;
        Assert.Equal(3, repeat.Count);
        Assert.Equal("run-3", repeat.MedianRunId);
        Assert.Equal(["run-1", "run-2", "run-3"], repeat.Runs.Select(r => r.RunId));
        Assert.Equal([100L, 300L, 200L], repeat.Runs.Select(r => r.Score));
        var score = repeat.Spread["score"];
        Assert.Equal((200.0, 100.0, 300.0), (score.Median, score.Min, score.Max));
        // Sample standard deviation 100 over the mean 200.
        Assert.Equal(0.5, score.CoefficientOfVariation);
        Assert.Equal((20.0, 10.0, 30.0), (repeat.Spread["GET / p50_ms"].Median, repeat.Spread["GET / p50_ms"].Min, repeat.Spread["GET / p50_ms"].Max));
        Assert.Equal(10.0, repeat.Runs[0].GateFigures!["GET / p50_ms"].Value);
    }

    [Fact]
    public void An_even_number_of_runs_takes_the_mean_of_the_middle_two_and_one_failed_run_fails_the_result()
    {
        var result = RepeatDocument.Summarize([Run("run-1", 100), Run("run-2", 201, pass: false)], "r");

        Assert.Equal(151, result.Score);
        Assert.False(result.Pass);
        Assert.Equal("run-1", result.Repeat!.MedianRunId);
    }

    [Fact]
    public void Warm_up_runs_are_left_out_of_the_figures_but_not_of_the_outcome()
    {
        ResultDocument[] runs = [Run("run-1", 100, p50: 10), Run("run-2", 120, p50: 12)];

        var passed = RepeatDocument.Summarize(runs, "r", [Run("warm-up-1", 5, p50: 90)]);
        Assert.True(passed.Pass);
        Assert.Equal(2, passed.Repeat!.Count);
        Assert.Equal((10.0, 12.0), (passed.Repeat.Spread["GET / p50_ms"].Min, passed.Repeat.Spread["GET / p50_ms"].Max));
        Assert.Equal((100.0, 120.0), (passed.Repeat.Spread["score"].Min, passed.Repeat.Spread["score"].Max));
        Assert.Equal(["warm-up-1"], passed.Repeat.WarmUp!.Select(r => r.RunId));
        Assert.Equal(["run-1", "run-2"], passed.Repeat.Runs.Select(r => r.RunId));

        // A server that fails only when cold is still a failing server.
        var failed = RepeatDocument.Summarize(runs, "r", [Run("warm-up-1", 5, pass: false, message: "critical: GET / returned 500")]);
        Assert.False(failed.Pass);
        Assert.Contains("critical: GET / returned 500", failed.Messages);
        Assert.Null(RepeatDocument.Summarize(runs, "r").Repeat!.WarmUp);
    }

    [Fact]
    public async Task The_repeated_result_is_valid_against_the_schema_and_reads_back()
    {
        var result = RepeatDocument.Summarize([Run("run-1", 100, p50: 10), Run("run-2", 120, p50: 12)], "r", [Run("warm-up-1", 90, p50: 20)]);
        string json = ResultJson.Serialize(result);

        var schema = await JsonSchema.FromJsonAsync(ResultJson.Schema());
        Assert.Empty(schema.Validate(json));
        Assert.Equal(result.Repeat!.Spread["score"], ResultJson.Deserialize(json).Repeat!.Spread["score"]);
        Assert.Equal(20.0, ResultJson.Deserialize(json).Repeat!.WarmUp!.Single().GateFigures!["GET / p50_ms"].Value);
        // A single run writes neither field.
        Assert.DoesNotContain("\"repeat\"", ResultJson.Serialize(SampleResults.PassingDocument()));
        Assert.DoesNotContain("\"gate_figures\"", ResultJson.Serialize(SampleResults.PassingDocument()));
    }

    [Fact]
    public void Every_report_shows_the_runs_side_by_side()
    {
        var result = RepeatDocument.Summarize([Run("run-1", 100), Run("run-2", 300, pass: false), Run("run-3", 200)], "r", [Run("warm-up-1", 40)]);

        var console = ConsoleSummary.Render(result);
        Assert.Contains("warm-up, not counted: warm-up-1 PASS 40\n3 runs: run-1 PASS 100  run-2 FAIL 300  run-3 PASS 200", console);
        Assert.Contains("score: median 200, range 100–300, CV 50.0 %", console);

        var markdown = MarkdownSummary.Render(result);
        Assert.Contains("Warm-up runs before them, not counted: warm-up-1 pass 40.", markdown);
        Assert.Contains("| run-2 | FAIL | 300 |", markdown);
        Assert.Contains("| score | 200 | 100 | 300 | 50.0 % |", markdown);

        var html = HtmlReport.Render(result);
        Assert.Contains($"id=\"{HtmlReport.RunsChartId}\"", html);
        Assert.Contains("<td>run-2</td><td>FAIL</td><td class=\"n\">300</td>", html);
        Assert.DoesNotContain(HtmlReport.RunsChartId, HtmlReport.Render(SampleResults.PassingDocument()));

        var cases = JUnitXml.Render(result, gate: null).Descendants("testcase").Where(c => (string?)c.Attribute("classname") == "isubench.repeat").ToList();
        Assert.Equal(["run-1", "run-2", "run-3"], cases.Select(c => (string)c.Attribute("name")!));
        Assert.Equal([false, true, false], cases.Select(c => c.Element("failure") is not null));
    }
}
