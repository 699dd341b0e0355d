using System.Text.Json;
using System.Xml.Linq;
using IsuBench.Bench.Commands;

namespace IsuBench.Tests.Bench.Commands;

public sealed class GateCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-gate-").FullName;

    private string Result(bool pass, long score, string name)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, $$"""{"pass":{{(pass ? "true" : "false")}},"score":{{score}},"messages":["boom (GET /)"]}""");
        return path;
    }

    private const string Note = "; one number against one number; several runs on each side give a statistical decision";

    // A result.json of run --repeat: the top level is the median run, repeat.runs every run.
    private string Repeated(string name, params long[] scores)
    {
        var path = Path.Combine(_directory, name);
        var runs = scores.Select((score, i) => new { run_id = $"run-{i + 1}", pass = true, score, interrupted = false });
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            pass = true, score = scores.Order().ElementAt(scores.Length / 2), messages = Array.Empty<string>(),
            repeat = new { count = scores.Length, runs },
        }));
        return path;
    }

    private static async Task<(int ExitCode, string Output, string Error)> Gate(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await BenchCommandLine.RunAsync(["gate", .. args], output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_score_within_the_allowance_passes_with_its_line_and_the_overall_decision()
    {
        var (exitCode, output, _) = await Gate("--result", Result(true, 900, "r.json"), "--baseline", Result(true, 1000, "b.json"));
        Assert.Equal(ExitCodes.Pass, exitCode);
        Assert.Equal($"PASS: score 900 vs baseline 1000 (-10 %, allowed drop 10 %){Note}\noverall: PASS\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_drop_over_the_allowance_exits_3()
    {
        var (exitCode, output, _) = await Gate("--result", Result(true, 899, "r.json"), "--baseline", Result(true, 1000, "b.json"));
        Assert.Equal(ExitCodes.Regression, exitCode);
        Assert.StartsWith("REGRESSION: score 899", output);
    }

    [Fact]
    public async Task A_custom_allowance_is_honoured()
    {
        var (exitCode, _, _) = await Gate("--result", Result(true, 700, "r.json"), "--baseline", Result(true, 1000, "b.json"), "--max-drop", "0.3");
        Assert.Equal(ExitCodes.Pass, exitCode);
    }

    [Fact]
    public async Task A_failed_run_exits_3_even_with_a_higher_score()
    {
        var (exitCode, output, _) = await Gate("--result", Result(false, 5000, "r.json"), "--baseline", Result(true, 1000, "b.json"));
        Assert.Equal(ExitCodes.Regression, exitCode);
        Assert.Equal("FAIL: the run failed (score 5000): boom (GET /)\noverall: FAIL\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Several_results_are_gated_on_their_median_whether_the_option_is_repeated_or_given_several_files()
    {
        string low = Result(true, 500, "low.json"), mid = Result(true, 950, "mid.json"), high = Result(true, 1200, "high.json");
        string baseline = Result(true, 1000, "b.json");

        var repeated = await Gate("--result", low, "--result", mid, "--result", high, "--baseline", baseline);
        var listed = await Gate("--result", low, mid, high, "--baseline", baseline);

        Assert.Equal(ExitCodes.Pass, repeated.ExitCode);
        Assert.Equal($"PASS: median score 950 of 3 runs (500, 950, 1200) vs baseline 1000 (-5 %, allowed drop 10 %){Note}\noverall: PASS\n", repeated.Output.ReplaceLineEndings("\n"));
        Assert.Equal(repeated, listed);
    }

    [Fact]
    public async Task A_missing_one_of_several_results_is_a_usage_error_that_names_it()
    {
        var (exitCode, _, error) = await Gate("--result", Result(true, 1, "r.json"), "--result", Path.Combine(_directory, "gone.json"), "--baseline", Result(true, 1, "b.json"));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("gone.json does not exist", error);
    }

    [Fact]
    public async Task A_missing_result_is_a_usage_error()
    {
        var (exitCode, _, error) = await Gate("--result", Path.Combine(_directory, "nope.json"), "--baseline", Result(true, 1, "b.json"));
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("nope.json does not exist", error);
    }

    [Fact]
    public async Task A_result_that_is_not_one_is_a_usage_error()
    {
        var path = Path.Combine(_directory, "junk.json");
        await File.WriteAllTextAsync(path, "<html/>");
        var (exitCode, _, error) = await Gate("--result", path, "--baseline", Result(true, 1, "b.json"));
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("not JSON", error);
    }

    [Fact]
    public async Task A_missing_baseline_is_a_missing_environment_with_the_fix()
    {
        var (exitCode, _, error) = await Gate("--result", Result(true, 1, "r.json"), "--baseline", Path.Combine(_directory, "baseline.json"));
        Assert.Equal(ExitCodes.EnvironmentMissing, exitCode);
        Assert.Contains("no baseline at", error);
        Assert.Contains("cp results/<run id>/result.json", error);
    }

    [Theory]
    [InlineData("--max-drop", "1.5", "--max-drop must be between 0 and 1 (got 1.5); 0.10 means 10 %.")]
    [InlineData("--max-drop", "-0.1", "--max-drop must be between 0 and 1")]
    [InlineData("--max-drop", "ten", "--max-drop: 'ten' is not a number")]
    [InlineData("--max-cost-rise", "2", "--max-cost-rise must be between 0 and 1 (got 2); 0.03 means 3 %.")]
    [InlineData("--max-cost-rise", "three", "--max-cost-rise: 'three' is not a number; give a fraction from 0 to 1, e.g. 0.03 for 3 %")]
    public async Task A_bad_allowance_is_a_usage_error(string option, string value, string said)
    {
        var (exitCode, _, error) = await Gate("--result", Result(true, 1, "r.json"), "--baseline", Result(true, 1, "b.json"), option, value);
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains(said, error);
        Assert.Contains("isubench gate --help", error);
    }

    [Fact]
    public async Task Without_result_the_gate_says_it_is_required()
    {
        var (exitCode, _, error) = await Gate();
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("--result", error);
    }

    [Fact]
    public async Task Repeated_runs_that_clearly_dropped_fail_with_their_numbers_and_exit_3()
    {
        var (exitCode, output, _) = await Gate(
            "--result", Repeated("r.json", 8000, 8300, 7900, 8100, 8200), "--baseline", Repeated("b.json", 10000, 10400, 9800, 10100, 9900));

        Assert.Equal(ExitCodes.Regression, exitCode);
        var lines = output.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("FAIL: score (higher is better): results 5 runs, median 8100; baselines 5 runs, median 10000; ratio results/baselines 0.81, 95 % interval 0.", lines[0]);
        Assert.Contains("; Mann-Whitney U 0, p 0.004 (exact, one-sided: results worse); the results are worse (p < 0.05) and the whole interval lies below 0.9 (allowed drop 10 %)", lines[0]);
        Assert.Equal("overall: FAIL", lines[1]);
    }

    [Fact]
    public async Task Repeated_runs_alike_pass_and_exit_0()
    {
        var (exitCode, output, _) = await Gate(
            "--result", Repeated("r.json", 10000, 9950, 10200, 9850, 10000), "--baseline", Repeated("b.json", 10000, 10400, 9800, 10100, 9900));

        Assert.Equal(ExitCodes.Pass, exitCode);
        Assert.StartsWith("PASS: score (higher is better): results 5 runs, median 10000; baselines 5 runs, median 10000; ratio results/baselines 1, 95 % interval ", output);
        Assert.Contains("Mann-Whitney U 12, p 0.5 (normal approximation, one-sided: results worse); the interval's lower end is at or above 0.9", output);
        Assert.EndsWith("overall: PASS\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Runs_that_cannot_tell_exit_5_and_say_how_many_more_would()
    {
        var (exitCode, output, _) = await Gate("--result", Repeated("r.json", 8000, 8100, 7900), "--baseline", Repeated("b.json", 10000, 10100, 9900));

        Assert.Equal(ExitCodes.Inconclusive, exitCode);
        Assert.Equal(5, ExitCodes.Inconclusive);
        Assert.StartsWith("INCONCLUSIVE: score (higher is better): results 3 runs, median 8000; baselines 3 runs, median 10000; ratio results/baselines 0.8, 95 % interval 0.782 to 0.818;", output);
        Assert.Contains("about 1 more run on each side would likely decide", output);
        Assert.EndsWith("overall: INCONCLUSIVE\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task The_confidence_option_changes_the_decision_and_an_impossible_one_is_a_usage_error()
    {
        string results = Repeated("r.json", 8000, 8100, 7900), baselines = Repeated("b.json", 10000, 10100, 9900);

        var lower = await Gate("--result", results, "--baseline", baselines, "--confidence", "0.9");
        var impossible = await Gate("--result", results, "--baseline", baselines, "--confidence", "1");

        Assert.Equal(ExitCodes.Regression, lower.ExitCode);
        Assert.Contains("90 % interval", lower.Output);
        Assert.Equal(ExitCodes.UsageError, impossible.ExitCode);
        Assert.Contains("--confidence must lie strictly between 0 and 1", impossible.Error);
    }

    [Fact]
    public async Task Files_without_a_figure_in_common_are_a_usage_error()
    {
        var latency = Path.Combine(_directory, "latency.json");
        await File.WriteAllTextAsync(latency, """{"pass":true,"score":0,"gate_figures":{"p50_ms":{"value":12,"better":"lower"}}}""");

        var (exitCode, _, error) = await Gate("--result", latency, "--baseline", Result(true, 1000, "b.json"));

        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("no figure is in both the results (\"p50_ms\") and the baselines (\"score\")", error);
    }

    [Fact]
    public async Task Junit_holds_one_case_per_figure_failed_skipped_or_passed_with_the_numbers()
    {
        string Figures(string name, params (double Latency, double Delivered, double Extra)[] runs)
        {
            var path = Path.Combine(_directory, name);
            var repeated = runs.Select((r, i) => new
            {
                run_id = $"run-{i + 1}", pass = true, score = 0,
                gate_figures = new Dictionary<string, object>
                {
                    ["POST /api/strokes/rooms/{id} p50_ms"] = new { value = r.Latency, better = "lower" },
                    ["delivered_within_2s"] = new { value = r.Delivered, better = "higher" },
                    [name] = new { value = r.Extra, better = "higher" },
                },
            });
            File.WriteAllText(path, JsonSerializer.Serialize(new { pass = true, score = 0, repeat = new { runs = repeated } }));
            return path;
        }
        // Latency up by a fifth (FAIL); delivery scattered around the allowance (INCONCLUSIVE); an extra figure on each side.
        string results = Figures("r.json", (120, 0.94, 1), (125, 0.90, 1), (118, 0.98, 1), (130, 0.86, 1), (122, 0.82, 1));
        string baselines = Figures("b.json", (100, 0.96, 1), (102, 0.95, 1), (98, 0.97, 1), (101, 0.96, 1), (99, 0.95, 1));
        string junitPath = Path.Combine(_directory, "junit.xml");

        var (exitCode, output, _) = await Gate("--result", results, "--baseline", baselines, "--junit", junitPath);

        Assert.Equal(ExitCodes.Regression, exitCode);
        var lines = output.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal("skipped, not on both sides: \"r.json\" (results only), \"b.json\" (baselines only)", lines[2]);
        Assert.Equal("overall: FAIL (of 2 figures: 1 FAIL, 1 INCONCLUSIVE)", lines[3]);

        var junit = XDocument.Load(junitPath);
        var suite = junit.Root!.Element("testsuite")!;
        Assert.Equal(("4", "1", "3"), ((string)suite.Attribute("tests")!, (string)suite.Attribute("failures")!, (string)suite.Attribute("skipped")!));
        var cases = suite.Elements("testcase").ToDictionary(c => (string)c.Attribute("name")!);
        Assert.Equal(["POST /api/strokes/rooms/{id} p50_ms", "delivered_within_2s", "r.json", "b.json"], cases.Keys);
        var latency = cases["POST /api/strokes/rooms/{id} p50_ms"];
        Assert.Equal(lines[0], (string)latency.Element("failure")!.Attribute("message")!);
        Assert.Equal(lines[0], latency.Element("system-out")!.Value);
        Assert.Contains("results 5 runs, median 122; baselines 5 runs, median 100; ratio baselines/results 0.82", latency.Element("system-out")!.Value);
        var delivered = cases["delivered_within_2s"];
        Assert.StartsWith("INCONCLUSIVE: delivered_within_2s (higher is better)", (string)delivered.Element("skipped")!.Attribute("message")!);
        Assert.Contains("more run", delivered.Element("system-out")!.Value);
        Assert.Null(delivered.Element("failure"));
        Assert.Equal("only the results have this figure", (string)cases["r.json"].Element("skipped")!.Attribute("message")!);
        Assert.Equal("FAIL", (string)suite.Descendants("property").Single(p => (string)p.Attribute("name")! == "decision").Attribute("value")!);
    }

    [Fact]
    public async Task Junit_of_a_failed_run_has_the_one_failed_case()
    {
        string junitPath = Path.Combine(_directory, "junit.xml");

        await Gate("--result", Result(false, 5000, "r.json"), "--baseline", Result(true, 1000, "b.json"), "--junit", junitPath);

        var testCase = Assert.Single(XDocument.Load(junitPath).Descendants("testcase"));
        Assert.Equal("every run passed", (string)testCase.Attribute("name")!);
        Assert.Equal("FAIL: the run failed (score 5000): boom (GET /)", (string)testCase.Element("failure")!.Attribute("message")!);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
