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

    private static async Task<(int ExitCode, string Output, string Error)> Gate(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await BenchCommandLine.RunAsync(["gate", .. args], output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_score_within_the_allowance_passes_with_one_line()
    {
        var (exitCode, output, _) = await Gate("--result", Result(true, 900, "r.json"), "--baseline", Result(true, 1000, "b.json"));
        Assert.Equal(ExitCodes.Pass, exitCode);
        Assert.Equal("PASS: score 900 vs baseline 1000 (-10 %, allowed drop 10 %)", output.TrimEnd());
        Assert.Single(output.TrimEnd().Split('\n'));
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
        Assert.StartsWith("FAIL: the run failed (score 5000): boom (GET /)", output);
    }

    [Fact]
    public async Task Several_results_are_gated_on_their_median_whether_the_option_is_repeated_or_given_several_files()
    {
        string low = Result(true, 500, "low.json"), mid = Result(true, 950, "mid.json"), high = Result(true, 1200, "high.json");
        string baseline = Result(true, 1000, "b.json");

        var repeated = await Gate("--result", low, "--result", mid, "--result", high, "--baseline", baseline);
        var listed = await Gate("--result", low, mid, high, "--baseline", baseline);

        Assert.Equal(ExitCodes.Pass, repeated.ExitCode);
        Assert.Equal("PASS: median score 950 of 3 runs (500, 950, 1200) vs baseline 1000 (-5 %, allowed drop 10 %)\n", repeated.Output.ReplaceLineEndings("\n"));
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
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("ten")]
    public async Task A_bad_allowance_is_a_usage_error(string maxDrop)
    {
        var (exitCode, _, error) = await Gate("--result", Result(true, 1, "r.json"), "--baseline", Result(true, 1, "b.json"), "--max-drop", maxDrop);
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("isubench gate --help", error);
    }

    [Fact]
    public async Task Without_result_the_gate_says_it_is_required()
    {
        var (exitCode, _, error) = await Gate();
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("--result", error);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
