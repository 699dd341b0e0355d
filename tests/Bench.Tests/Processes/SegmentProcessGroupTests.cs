using System.Globalization;
using IsuBench.Bench.Processes;
using IsuBench.Scenarios.Run;

namespace IsuBench.Tests.Bench.Processes;

// The group around small shell scripts standing in for segments: what it does with any process, in a second or two.
public sealed class SegmentProcessGroupTests : IDisposable
{
    private static readonly BenchExecutable Shell = new("/bin/sh", ["-c"]);
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-processes-").FullName;

    private string WaitForGo => $"while [ ! -e {_directory}/go ]; do sleep 0.05; done;";

    [Fact]
    public async Task Each_process_s_output_goes_to_its_log_its_pid_file_lasts_while_it_runs_and_its_exit_code_is_kept()
    {
        await using var group = SegmentProcessGroup.Start(Shell, index =>
            [$"echo out {index}; echo err {index} >&2; {WaitForGo} exit {index + 2}"], 2, _directory);

        foreach (var child in group.Children)
        {
            Assert.Equal(child.Pid.ToString(CultureInfo.InvariantCulture), (await File.ReadAllTextAsync(child.PidPath)).Trim());
            Assert.True(child.Running);
        }
        await File.WriteAllTextAsync(Path.Combine(_directory, "go"), "");
        var exitCodes = await group.WaitAsync(CancellationToken.None);

        Assert.Equal([3, 4], exitCodes);
        foreach (var child in group.Children)
        {
            Assert.False(File.Exists(child.PidPath));
            string log = await File.ReadAllTextAsync(SegmentChild.LogPathOf(_directory, child.Index));
            Assert.Contains($"out {child.Index}\n", log);
            Assert.Contains($"err {child.Index}\n", log);
        }
    }

    [Fact]
    public async Task Cancelled_it_sends_each_process_SIGTERM_and_waits_for_it_to_end()
    {
        // Each writes a line when SIGTERM comes, as a segment writes its partial result.
        await using var group = SegmentProcessGroup.Start(Shell, index =>
            [$"trap 'echo stopped {index} > {_directory}/stopped-{index}; exit 7' TERM; touch {_directory}/ready-{index}; "
             + "while :; do sleep 0.05; done"],
            2, _directory);
        foreach (var child in group.Children)
            while (!File.Exists(Path.Combine(_directory, $"ready-{child.Index}"))) await Task.Delay(20);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var exitCodes = await group.WaitAsync(cancel.Token);

        Assert.Equal([7, 7], exitCodes);
        Assert.Equal("stopped 1", (await File.ReadAllTextAsync(Path.Combine(_directory, "stopped-1"))).Trim());
        Assert.Equal("stopped 2", (await File.ReadAllTextAsync(Path.Combine(_directory, "stopped-2"))).Trim());
    }

    [Fact]
    public async Task The_panel_sums_what_the_processes_last_wrote_to_their_progress_files()
    {
        string Line(int score) =>
            $"{{\"phase\":\"load\",\"elapsed_seconds\":3,\"total_seconds\":10,\"score\":{score},"
            + "\"requests_per_second\":5,\"watchers\":2,\"errors\":1}";
        await using var group = SegmentProcessGroup.Start(Shell, index =>
            [$"echo '{Line(index * 100)}' > {SegmentChild.ProgressPathOf(_directory, index)}; {WaitForGo}"],
            2, _directory);
        foreach (var child in group.Children)
            while (child.Latest is null) await child.RefreshAsync(CancellationToken.None);

        var snapshot = group.Sample();

        Assert.Equal(BenchmarkPhase.Load, snapshot.Phase);
        Assert.Equal(300, snapshot.Score);
        Assert.Equal(10, snapshot.RequestsPerSecond);
        Assert.Equal(4, snapshot.Watchers);
        Assert.Equal(2, snapshot.Errors);
        Assert.Equal((2, 2), snapshot.Processes);
        await File.WriteAllTextAsync(Path.Combine(_directory, "go"), "");
        await group.WaitAsync(CancellationToken.None);
        Assert.Equal((0, 2), group.Sample().Processes);
        Assert.Equal(300, group.Sample().Score);
    }

    [Theory]
    [InlineData(0, "exit code 0 (passed)")]
    [InlineData(130, "exit code 130 (interrupted)")]
    [InlineData(137, "exit code 137 (killed by signal 9, SIGKILL)")]
    [InlineData(134, "exit code 134 (killed by signal 6, SIGABRT)")]
    [InlineData(3, "exit code 3")]
    public void An_exit_code_reads_as_what_it_means(int exitCode, string text)
    {
        Assert.Equal(text, SegmentChild.ExitText(exitCode));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
