using IsuBench.Bench.Commands;

namespace IsuBench.Tests.Bench.Cost;

/// <summary><c>run</c> with a CPU source it cannot use stops before the load with a message and the exit code of its kind.</summary>
public sealed class CostCommandLineTests : IDisposable
{
    private readonly TextServer _target = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-cost-run-").FullName;

    public void Dispose()
    {
        _target.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<(int ExitCode, string Error)> Run(params string[] options)
    {
        var error = new StringWriter();
        string[] args = ["run", "--target", $"http://127.0.0.1:{_target.Port}", "--no-progress", "--duration", "1", "--out", _directory, .. options];
        int exitCode = await BenchCommandLine.RunAsync(args, new StringWriter(), error);
        return (exitCode, error.ToString());
    }

    [Theory]
    [InlineData("--target-pid", "0", "--target-pid: '0' is not a process id")]
    [InlineData("--target-pid", "web=", "--target-pid: 'web=' names no process")]
    [InlineData("--target-metrics", "localhost/metrics", "--target-metrics: 'localhost/metrics'")]
    [InlineData("--cpus", "0-x", "--cpus: '0-x'")]
    public async Task A_malformed_value_is_a_usage_error(string option, string value, string expected)
    {
        var (exitCode, error) = await Run(option, value);
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains(expected, error);
        Assert.Equal(0, _target.Requests);
    }

    [Fact]
    public async Task A_pid_that_does_not_exist_is_a_usage_error_before_the_run()
    {
        // Beyond pid_max (at most 2^22), so no process has it.
        var (exitCode, error) = await Run("--target-pid", "2000000000");
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("no process with pid 2000000000", error);
        Assert.Equal(1, _target.Requests); // the probe of the target, no more
        Assert.False(File.Exists(Path.Combine(_directory, "result.json")));
    }

    [Fact]
    public async Task A_pid_file_that_is_not_there_is_a_usage_error_before_the_run()
    {
        var (exitCode, error) = await Run("--target-pid", $"web={Path.Combine(_directory, "server.pid")}");
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("server.pid", error);
        Assert.Equal(1, _target.Requests);
    }

    [Fact]
    public async Task A_cgroup_without_cpu_stat_is_a_usage_error_before_the_run()
    {
        var (exitCode, error) = await Run("--target-cgroup", _directory);
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("no cpu.stat", error);
        Assert.Equal(1, _target.Requests);
    }

    [Fact]
    public async Task A_metrics_endpoint_that_does_not_answer_is_unreachable_before_the_run()
    {
        var (exitCode, error) = await Run("--target-metrics", $"http://127.0.0.1:{TextServer.FreePort()}/metrics");
        Assert.Equal(ExitCodes.EnvironmentMissing, exitCode);
        Assert.Contains("did not answer", error);
        Assert.Equal(1, _target.Requests);
    }

    [Fact]
    public async Task A_metrics_endpoint_without_the_series_is_a_usage_error_before_the_run()
    {
        _target.Answer("http_requests_total 3\n");
        var (exitCode, error) = await Run("--target-metrics", $"http://127.0.0.1:{_target.Port}/metrics");
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("no process_cpu_seconds_total", error);
        Assert.Equal(2, _target.Requests); // the probe and the endpoint
    }

    [Fact]
    public async Task Cpus_the_machine_does_not_have_are_a_usage_error()
    {
        var (exitCode, error) = await Run("--cpus", "8000");
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("--cpus 8000", error);
        Assert.Equal(0, _target.Requests);
    }
}
