using System.Text.Json;
using System.Xml.Linq;
using IsuBench.Bench.Commands;
using IsuBench.Bench.Reports;
using IsuBench.Integration.InitialCheck;
using NJsonSchema;

namespace IsuBench.Integration.Bench;

/// <summary><c>isubench run</c> and <c>check</c> end to end against the reference over the full data set.</summary>
public sealed class RunCommandTests(LoadedReference reference) : IClassFixture<LoadedReference>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-run-").FullName;
    private readonly string _target = reference.BaseAddress.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task Run_passes_scores_and_writes_four_files_that_agree_and_a_report_that_renders_offline()
    {
        var outDir = Path.Combine(_directory, "run-1");
        var baseline = Path.Combine(_directory, "baseline.json");
        await File.WriteAllTextAsync(baseline, """{"pass":true,"score":1,"messages":[]}""");

        var (exitCode, output, error) = await BenchCommandRunner.RunAsync(
            "run", "--target", _target, "--duration", "6", "--seed", "5", "--out", outDir, "--baseline", baseline, "--no-progress");

        Assert.True(exitCode == ExitCodes.Pass, $"exit {exitCode}\n{output}\n{error}");
        Assert.StartsWith("PASS  score ", output);
        Assert.Contains("GET /api/rooms", output);
        Assert.Contains($"report: {Path.Combine(outDir, "report.html")}", output);
        Assert.DoesNotContain("[load", error); // --no-progress

        // result.json: valid against the shipped schema, and consistent.
        string json = await File.ReadAllTextAsync(Path.Combine(outDir, "result.json"));
        var schema = await JsonSchema.FromJsonAsync(ResultJson.Schema());
        Assert.Empty(schema.Validate(json));
        var result = ResultJson.Deserialize(json);
        Assert.True(result.Pass);
        Assert.True(result.LoadRan);
        Assert.True(result.Score > 0);
        Assert.Equal(result.Score, result.Scores.Values.Sum(s => s.Points));
        Assert.Equal([_target], result.Target);
        Assert.Equal(5, result.Seed);
        Assert.Equal(6, result.Options.DurationSeconds);
        Assert.Equal("run-1", result.RunId);
        Assert.Equal(InitialCheckNamesInOrder, result.Checks.Select(c => c.Name).Order());
        Assert.All(result.Checks, c => Assert.True(c.Passed, c.Name));
        Assert.Contains(result.Endpoints, e => e.Endpoint == "GET /" && e.Count > 0 && e.P50Ms > 0);
        Assert.NotEmpty(result.TimeSeries);
        Assert.True(result.EndedAt > result.StartedAt);

        // junit.xml: one case per check, the load, and the gate (against the baseline given).
        var junit = XDocument.Load(Path.Combine(outDir, "junit.xml"));
        var cases = junit.Descendants("testcase").ToList();
        Assert.Equal(result.Checks.Count + 2, cases.Count);
        Assert.DoesNotContain(cases, c => c.Element("failure") is not null);
        Assert.Contains("PASS: score", cases.Single(c => (string)c.Attribute("name")! == "score gate").Element("system-out")!.Value);

        // summary.md: the same score and one endpoint row per endpoint.
        string summary = await File.ReadAllTextAsync(Path.Combine(outDir, "summary.md"));
        Assert.Contains($"PASS, score {result.Score}", summary);
        Assert.Equal(result.Endpoints.Count, summary.Split('\n').Count(l => l.StartsWith("| GET ", StringComparison.Ordinal) || l.StartsWith("| POST ", StringComparison.Ordinal)));

        // report.html in a real browser, from disk, with the network refused.
        var rendered = await ReportInBrowser.OpenAsync(Path.Combine(outDir, "report.html"), HtmlReport.ChartIds);
        Assert.Empty(rendered.RefusedRequests);
        Assert.Empty(rendered.ScriptErrors);
        Assert.Contains($"score {result.Score}", rendered.Title);
        Assert.True(rendered.ScreenshotBytes > 10_000, $"screenshot of {rendered.ScreenshotBytes} bytes");
        foreach (var (id, chart) in rendered.Charts)
        {
            Assert.True(chart.Width > 100 && chart.Height > 100, $"{id} laid out as {chart.Width}x{chart.Height}");
            Assert.True(chart.Marks > 0, $"{id} has no data marks");
            Assert.True(chart.DrawnExtent > 0, $"{id}'s marks have no drawn extent");
        }
    }

    [Fact]
    public async Task Run_with_json_prints_the_result_on_stdout_and_plain_progress_on_stderr()
    {
        var outDir = Path.Combine(_directory, "run-json");
        var (exitCode, output, error) = await BenchCommandRunner.RunAsync(
            "run", "--target", _target, "--duration", "3", "--out", outDir, "--json", "--baseline", Path.Combine(_directory, "none.json"));

        Assert.True(exitCode == ExitCodes.Pass, $"exit {exitCode}\n{error}");
        using var printed = JsonDocument.Parse(output);
        Assert.True(printed.RootElement.GetProperty("pass").GetBoolean());
        Assert.Equal((await File.ReadAllTextAsync(Path.Combine(outDir, "result.json"))).Trim(), output.Trim());
        // Not a terminal: plain lines, the last one when the run is done; the human summary moved to stderr.
        Assert.Matches(@"\[initial check \d+ s\] score \d+  req/s [\d.]+  watchers \d+  errors \d+", error);
        Assert.Matches(@"\[done \d+ s\] score \d+", error);
        Assert.Contains("PASS  score", error);
        Assert.DoesNotContain('\u001b', error);
        // No baseline file: the gate case is skipped, not failed.
        var gate = XDocument.Load(Path.Combine(outDir, "junit.xml")).Descendants("testcase").Single(c => (string)c.Attribute("name")! == "score gate");
        Assert.NotNull(gate.Element("skipped"));
    }

    [Fact]
    public async Task Check_prints_one_line_per_check_and_passes()
    {
        var (exitCode, output, error) = await BenchCommandRunner.RunAsync("check", "--target", _target, "--no-progress");
        Assert.True(exitCode == ExitCodes.Pass, $"exit {exitCode}\n{output}\n{error}");
        var lines = output.Split('\n').Where(l => l.StartsWith("PASS ", StringComparison.Ordinal) && l.Contains("verdicts")).ToList();
        Assert.Equal(InitialCheckNamesInOrder, lines.Select(l => l.Split(' ')[1]).Order());
        Assert.Contains("[initial check only]", output);
    }

    [Fact]
    public async Task Gate_on_a_real_result_against_itself_passes_and_against_a_doubled_baseline_fails()
    {
        var outDir = Path.Combine(_directory, "check-out");
        var (exitCode, _, error) = await BenchCommandRunner.RunAsync("check", "--target", _target, "--out", outDir, "--no-progress");
        Assert.True(exitCode == ExitCodes.Pass, error);
        string resultPath = Path.Combine(outDir, "result.json");
        var result = ResultJson.Deserialize(await File.ReadAllTextAsync(resultPath));

        var (same, sameOutput, _) = await BenchCommandRunner.RunAsync("gate", "--result", resultPath, "--baseline", resultPath);
        Assert.Equal(ExitCodes.Pass, same);
        Assert.Contains($"score {result.Score} vs baseline {result.Score}", sameOutput);

        string doubled = Path.Combine(_directory, "doubled.json");
        await File.WriteAllTextAsync(doubled, $$"""{"pass":true,"score":{{result.Score * 2}},"messages":[]}""");
        var (worse, worseOutput, _) = await BenchCommandRunner.RunAsync("gate", "--result", resultPath, "--baseline", doubled);
        Assert.Equal(ExitCodes.Regression, worse);
        Assert.StartsWith($"REGRESSION: score {result.Score} is 50 % below", worseOutput);
    }

    private static readonly string[] InitialCheckNamesInOrder = IsuBench.Scenarios.InitialCheck.InitialCheckNames.All.Order().ToArray();

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
