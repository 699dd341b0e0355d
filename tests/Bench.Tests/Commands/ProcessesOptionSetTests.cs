using IsuBench.Bench.Commands;
using IsuBench.Bench.Repeat;
using IsuBench.Scenarios.Run;

namespace IsuBench.Tests.Bench.Commands;

public sealed class ProcessesOptionSetTests
{
    private static readonly BenchmarkOptions Options = new() { Targets = [new Uri("http://127.0.0.1:8080")] };

    private static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await BenchCommandLine.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void One_process_is_a_run_as_without_the_option_whatever_else_is_given()
    {
        Assert.Null(ProcessesOptionSet.Check(1, Options with { Workload = LoadWorkload.Gate }, new RepeatSettings(3, "true"), true, true));
        Assert.Null(ProcessesOptionSet.Check(2, Options, RepeatSettings.Once, false, false));
    }

    [Fact]
    public void What_cannot_be_split_into_processes_is_refused_saying_why()
    {
        Assert.Contains("--segment (or --segment-from-env) runs one segment by hand", ProcessesOptionSet.Check(2, Options, RepeatSettings.Once, true, false));
        var once = RepeatSettings.Once;
        var gate = Options with { Workload = LoadWorkload.Gate };
        Assert.Contains("isucon workload only", ProcessesOptionSet.Check(2, gate, once, false, false));
        Assert.Contains("a check-only run has none", ProcessesOptionSet.Check(2, Options with { CheckOnly = true }, once, false, false));
        Assert.Contains("reset the target once", ProcessesOptionSet.Check(2, Options, new RepeatSettings(2, null), false, false));
        var warmUp = new RepeatSettings(1, null) { WarmUpRuns = 1 };
        Assert.Contains("reset the target once", ProcessesOptionSet.Check(2, Options, warmUp, false, false));
        Assert.Contains("reset the target once", ProcessesOptionSet.Check(2, Options, new RepeatSettings(1, "true"), false, false));
        Assert.Contains("--progress-file is for the segments", ProcessesOptionSet.Check(2, Options, RepeatSettings.Once, false, true));
    }

    // Refused before anything is started: nothing listens on port 1, and an unreachable target would be exit 4 instead.
    [Theory]
    [InlineData("--segment 1/2 --out x", "runs one segment by hand")]
    [InlineData("--segment-from-env JOB_COMPLETION_INDEX/2 --out x", "runs one segment by hand")]
    [InlineData("--workload gate", "isucon workload only")]
    [InlineData("--repeat 3", "--repeat, --warmup-runs and --reset-command are for whole runs")]
    [InlineData("--warmup-runs 1", "--repeat, --warmup-runs and --reset-command are for whole runs")]
    [InlineData("--reset-command true", "--repeat, --warmup-runs and --reset-command are for whole runs")]
    [InlineData("--progress-file p.json", "--progress-file is for the segments")]
    public async Task The_command_line_refuses_them_with_exit_2(string others, string expected)
    {
        var (exitCode, output, error) = await Run(["run", "--target", "http://127.0.0.1:1", "--processes", "2", .. others.Split(' ')]);
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains(expected, error);
        Assert.Equal("", output);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("17")]
    [InlineData("two")]
    public async Task A_number_of_processes_out_of_range_is_a_usage_error(string processes)
    {
        var (exitCode, _, error) = await Run("run", "--target", "http://127.0.0.1:1", "--processes", processes);
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("--processes", error);
    }
}
