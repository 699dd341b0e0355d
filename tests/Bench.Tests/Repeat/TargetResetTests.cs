using System.Diagnostics;
using IsuBench.Bench.Repeat;

namespace IsuBench.Tests.Bench.Repeat;

/// <summary>The reset command runs in a shell, shows its output, and reports a failure with its exit code and last lines.</summary>
public sealed class TargetResetTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-reset-").FullName;

    [Fact]
    public async Task A_shell_command_runs_to_its_end_and_its_output_is_shown()
    {
        string marker = Path.Combine(_directory, "marker");
        var error = new StringWriter();

        await TargetReset.RunAsync($"echo loading && echo done > '{marker}' && echo oops >&2", error, CancellationToken.None);

        Assert.Equal("done\n", await File.ReadAllTextAsync(marker));
        Assert.Contains("  reset: loading", error.ToString());
        Assert.Contains("  reset: oops", error.ToString());
    }

    [Fact]
    public async Task A_failing_command_throws_with_its_exit_code_and_last_output()
    {
        var failure = await Assert.ThrowsAsync<TargetResetException>(() =>
            TargetReset.RunAsync("echo cannot reach the database; exit 7", new StringWriter(), CancellationToken.None));

        Assert.Contains("exited with 7", failure.Message);
        Assert.Contains("cannot reach the database", failure.Message);
    }

    [Fact]
    public async Task Cancelling_stops_the_command_and_its_children()
    {
        string pidFile = Path.Combine(_directory, "pid");
        using var cancel = new CancellationTokenSource();
        var reset = TargetReset.RunAsync($"sleep 60 & echo $! > '{pidFile}'; wait", new StringWriter(), cancel.Token);
        while (!File.Exists(pidFile) || (await File.ReadAllTextAsync(pidFile)).Trim().Length == 0) await Task.Delay(20);
        int child = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim());

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reset);

        var deadline = Stopwatch.StartNew();
        while (IsRunning(child) && deadline.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(20);
        Assert.False(IsRunning(child), "the reset's child outlived the cancellation");
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
