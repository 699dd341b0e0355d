using IsuBench.Bench.Progress;
using IsuBench.Scenarios.Run;

namespace IsuBench.Tests.Bench.Progress;

public sealed class ProgressFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-progress-").FullName;

    [Fact]
    public async Task A_snapshot_written_reads_back_the_same()
    {
        string path = Path.Combine(_directory, "segment-1.progress.json");
        var written = new ProgressSnapshot(BenchmarkPhase.Load, TimeSpan.FromSeconds(12.5), TimeSpan.FromSeconds(60), 1234, 56.5, 78, 9);

        await ProgressFile.WriteAsync(path, written, CancellationToken.None);

        Assert.Equal(written, await ProgressFile.ReadAsync(path, CancellationToken.None));
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public async Task No_file_a_cut_one_or_one_too_long_reads_as_none()
    {
        string path = Path.Combine(_directory, "p.json");
        Assert.Null(await ProgressFile.ReadAsync(path, CancellationToken.None));
        await File.WriteAllTextAsync(path, "{\"phase\":\"load\",\"elapsed_sec");
        Assert.Null(await ProgressFile.ReadAsync(path, CancellationToken.None));
        await File.WriteAllTextAsync(path, new string(' ', 5000) + "{}");
        Assert.Null(await ProgressFile.ReadAsync(path, CancellationToken.None));
    }

    [Fact]
    public async Task Run_replaces_the_file_until_stopped_and_writes_the_last_state_then()
    {
        string path = Path.Combine(_directory, "run.json");
        var phase = BenchmarkPhase.Load;
        long score = 0;
        using var stop = new CancellationTokenSource();
        var running = ProgressFile.RunAsync(
            () => new ProgressSnapshot(phase, TimeSpan.Zero, null, ++score, 0, 0, 0), path, TimeSpan.FromMilliseconds(10), stop.Token);
        while ((await ProgressFile.ReadAsync(path, CancellationToken.None))?.Score is not > 2) await Task.Delay(10);

        phase = BenchmarkPhase.Done;
        await stop.CancelAsync();
        await running;

        var last = await ProgressFile.ReadAsync(path, CancellationToken.None);
        Assert.Equal(BenchmarkPhase.Done, last!.Phase);
        Assert.Equal(score, last.Score);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
