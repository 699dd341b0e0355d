using IsuBench.Bench.Commands;

namespace IsuBench.Tests.Bench.Commands;

public sealed class SegmentFromEnvironmentTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-segment-env-").FullName;

    // A name of this test's own, so that tests running at the same time never see each other's value.
    private readonly string _variable = "ISUBENCH_TEST_INDEX_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private static string? Resolve(string text, string? value, out string? error) =>
        SegmentFromEnvironment.Resolve(text, name => name == "JOB_COMPLETION_INDEX" ? value : null, out error);

    [Theory]
    [InlineData("0", "1/3")]
    [InlineData("1", "2/3")]
    [InlineData("2", "3/3")]
    public void The_0_based_index_is_the_segment_less_one(string index, string segment)
    {
        Assert.Equal(segment, Resolve("JOB_COMPLETION_INDEX/3", index, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("JOB_COMPLETION_INDEX/3", null, "the environment variable JOB_COMPLETION_INDEX is not set")]
    [InlineData("JOB_COMPLETION_INDEX/3", "3", "JOB_COMPLETION_INDEX is 3, but the index of one of 3 segments is 0 to 2")]
    [InlineData("JOB_COMPLETION_INDEX/3", "-1", "JOB_COMPLETION_INDEX is '-1', not a 0-based index")]
    [InlineData("JOB_COMPLETION_INDEX/3", "one", "JOB_COMPLETION_INDEX is 'one', not a 0-based index")]
    [InlineData("JOB_COMPLETION_INDEX", "0", "takes VAR/N")]
    [InlineData("JOB_COMPLETION_INDEX/0", "0", "takes VAR/N")]
    [InlineData("/3", "0", "takes VAR/N")]
    [InlineData("$(JOB_COMPLETION_INDEX)/3", "0", "takes VAR/N")]
    public void Mistakes_say_what_is_wrong(string text, string? value, string message)
    {
        Assert.Null(Resolve(text, value, out var error));
        Assert.Contains(message, error);
    }

    private async Task<(int ExitCode, string Error)> Run(params string[] args)
    {
        var error = new StringWriter();
        // An origin nobody listens on: a command line that passes its checks ends at the reachability probe (exit 4).
        string[] command = ["run", "--target", "http://127.0.0.1:1", "--out", _directory, .. args];
        int exitCode = await BenchCommandLine.RunAsync(command, new StringWriter(), error);
        return (exitCode, error.ToString());
    }

    [Fact]
    public async Task Run_refuses_a_missing_or_out_of_range_index_and_the_segment_named_twice()
    {
        var (missing, missingError) = await Run("--segment-from-env", $"{_variable}/2");
        Assert.Equal(ExitCodes.UsageError, missing);
        Assert.Contains($"the environment variable {_variable} is not set", missingError);

        Environment.SetEnvironmentVariable(_variable, "2");
        var (outOfRange, outOfRangeError) = await Run("--segment-from-env", $"{_variable}/2");
        Assert.Equal(ExitCodes.UsageError, outOfRange);
        Assert.Contains("is 2, but the index of one of 2 segments is 0 to 1", outOfRangeError);

        Environment.SetEnvironmentVariable(_variable, "1");
        var (twice, twiceError) = await Run("--segment-from-env", $"{_variable}/2", "--segment", "2/2");
        Assert.Equal(ExitCodes.UsageError, twice);
        Assert.Contains("--segment and --segment-from-env both name the segment", twiceError);
    }

    [Fact]
    public async Task Skip_initial_check_is_for_the_later_segments_when_every_pod_has_the_same_arguments()
    {
        // Given by hand to segment 1, the option is a mistake.
        var (named, namedError) = await Run("--segment", "1/2", "--skip-initial-check");
        Assert.Equal(ExitCodes.UsageError, named);
        Assert.Contains("is the one that runs the initial check", namedError);

        // From the environment, segment 1 runs its check: the command line is accepted and reaches the target probe.
        Environment.SetEnvironmentVariable(_variable, "0");
        var (fromEnv, fromEnvError) = await Run("--segment-from-env", $"{_variable}/2", "--skip-initial-check");
        Assert.Equal(ExitCodes.EnvironmentMissing, fromEnv);
        Assert.DoesNotContain("initial check", fromEnvError);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_variable, null);
        Directory.Delete(_directory, recursive: true);
    }
}
