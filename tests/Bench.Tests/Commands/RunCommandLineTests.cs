using System.Net;
using System.Net.Sockets;
using IsuBench.Bench.Commands;

namespace IsuBench.Tests.Bench.Commands;

public sealed class RunCommandLineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-run-").FullName;

    private static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await BenchCommandLine.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("run")]
    [InlineData("check")]
    public async Task Without_target_it_says_the_option_is_required(string command)
    {
        var (exitCode, _, error) = await Run(command);
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("--target", error);
        Assert.Contains($"isubench {command} --help", error);
    }

    [Theory]
    [InlineData("--target", "not a url", "--target: not an absolute URL")]
    [InlineData("--target", "ftp://127.0.0.1", "--target: not an http(s) origin")]
    [InlineData("--target", ",", "--target: at least one target")]
    [InlineData("--duration", "0", "--duration must be between 1 and 3600")]
    [InlineData("--profile", "react", "react")]
    [InlineData("--sse-transport", "quic", "quic")]
    [InlineData("--tls", "openssl", "openssl")]
    [InlineData("--max-drop", "2", "--max-drop must be between 0 and 1")]
    [InlineData("--otlp-endpoint", "127.0.0.1:4318", "--otlp-endpoint must be an absolute http or https URL")]
    [InlineData("--otlp-endpoint", "grpc://127.0.0.1:4317", "--otlp-endpoint must be an absolute http or https URL")]
    [InlineData("--otlp-interval", "0", "--otlp-interval must be between 1 and 300")]
    [InlineData("--repeat", "0", "--repeat must be between 1 and 100")]
    [InlineData("--warmup-runs", "11", "--warmup-runs must be between 0 and 10")]
    public async Task Bad_options_are_usage_errors_that_say_what_is_wrong(string option, string value, string expected)
    {
        string[] args = option == "--target" ? ["run", option, value] : ["run", "--target", "http://127.0.0.1:1", option, value];
        var (exitCode, output, error) = await Run(args);
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains(expected, error);
        Assert.Equal("", output);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("check")]
    public async Task The_removed_compat_retry_is_a_usage_error_that_says_to_drop_it(string command)
    {
        var (exitCode, output, error) = await Run(command, "--target", "http://127.0.0.1:1", "--compat-retry");
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("error: --compat-retry was removed: the original's 1 s reconnection wait is the default; drop the option (or use --honor-retry for the server's retry:)", error);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task A_missing_assets_manifest_is_a_usage_error()
    {
        var (exitCode, _, error) = await Run("check", "--target", "http://127.0.0.1:1", "--assets-manifest", Path.Combine(_directory, "none.json"));
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("none.json", error);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("check")]
    public async Task An_unreachable_target_fails_at_once_with_exit_4_and_the_fix_and_writes_nothing(string command)
    {
        // A port that was just free on loopback: the connection is refused at once.
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var outDir = Path.Combine(_directory, "out");
        var (exitCode, output, error) = await Run(command, "--target", $"http://127.0.0.1:{port}", "--out", outDir, "--no-progress");
        Assert.Equal(ExitCodes.EnvironmentMissing, exitCode);
        Assert.Contains($"http://127.0.0.1:{port} is unreachable", error);
        Assert.Contains("isubench demo", error);
        Assert.Equal("", output);
        // Exit 4 and no result folder: the probe stopped it before any check ran (a run would exit 1 and write files).
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task A_failing_reset_command_stops_before_the_first_run_with_exit_4_and_its_output()
    {
        var outDir = Path.Combine(_directory, "out");
        // The reset runs before the target is probed: the target here would not even answer.
        var (exitCode, output, error) = await Run(
            "run", "--target", "http://127.0.0.1:1", "--repeat", "3", "--reset-command", "echo no database here; exit 7", "--out", outDir, "--no-progress");
        Assert.Equal(ExitCodes.EnvironmentMissing, exitCode);
        Assert.Contains("run 1/3: resetting the target", error);
        Assert.Contains("--reset-command exited with 7", error);
        Assert.Contains("no database here", error);
        Assert.DoesNotContain("run 2/3", error);
        Assert.Equal("", output);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task Warm_up_runs_come_first_each_after_its_own_reset()
    {
        var (exitCode, _, error) = await Run(
            "run", "--target", "http://127.0.0.1:1", "--repeat", "2", "--warmup-runs", "1", "--reset-command", "exit 7", "--no-progress");
        Assert.Equal(ExitCodes.EnvironmentMissing, exitCode);
        Assert.Contains("warm-up run 1/1: resetting the target", error);
        Assert.DoesNotContain("run 1/2", error);
    }

    [Fact]
    public async Task Repeat_without_a_reset_command_warns_that_later_runs_start_from_dirty_data()
    {
        var (exitCode, _, error) = await Run("run", "--target", "http://127.0.0.1:1", "--repeat", "2", "--no-progress");
        Assert.Equal(ExitCodes.EnvironmentMissing, exitCode);
        Assert.Contains("warning: without --reset-command, runs 2 and later start from the data the run before them left", error);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
