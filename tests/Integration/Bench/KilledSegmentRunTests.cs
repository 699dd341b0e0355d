using System.Diagnostics;
using System.Globalization;
using IsuBench.Bench.Commands;
using IsuBench.Bench.Processes;
using IsuBench.Bench.Progress;
using IsuBench.Bench.Reports;
using IsuBench.Bench.Segments;
using IsuBench.Scenarios.Run;

namespace IsuBench.Integration.Bench;

/// <summary>
/// <c>isubench run --processes 2</c> from the apphost, one of whose segment processes is killed mid-run: the merged result names
/// it missing and keeps everything the other measured. A class of its own, with a reference of its own, so that it runs beside
/// <see cref="ProcessesRunTests"/> (two runs against one reference would count each other's watchers).
/// </summary>
public sealed class KilledSegmentRunTests(SmallDataSetReference reference) : IClassFixture<SmallDataSetReference>, IDisposable
{
    private static readonly TimeSpan ProcessTimeout = ProcessesRunTests.ProcessTimeout;
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-killed-").FullName;
    private readonly string _target = reference.BaseAddress.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task A_segment_killed_with_SIGKILL_mid_run_is_named_missing_and_fails_the_result_which_keeps_all_the_other_s_data()
    {
        string run = Path.Combine(_directory, "killed");
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "isubench"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
            ["run", "--target", _target, "--processes", "2", "--duration", "8", "--seed", "12", "--out", run, "--no-progress"];
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var parent = Process.Start(start)!;
        var output = parent.StandardOutput.ReadToEndAsync();
        var error = parent.StandardError.ReadToEndAsync();
        try
        {
            // Segment 2 under load, having scored: then its process is killed outright, with no chance to write anything.
            using var waiting = new CancellationTokenSource(ProcessTimeout);
            string pidFile = SegmentChild.PidPathOf(run, 2);
            string progressFile = SegmentChild.ProgressPathOf(run, 2);
            while (await ProgressFile.ReadAsync(progressFile, waiting.Token) is not { Phase: BenchmarkPhase.Load, Score: > 0 }
                   || !File.Exists(pidFile))
            {
                // A run that ended before its segment 2 scored cannot be the one this test needs: say why it ended.
                if (parent.HasExited) Assert.Fail($"the run ended first: exit {parent.ExitCode}\n{await output}\n{await error}");
                await Task.Delay(100, waiting.Token);
            }
            int pid = int.Parse((await File.ReadAllTextAsync(pidFile, waiting.Token)).Trim(), CultureInfo.InvariantCulture);
            using (var segment = Process.GetProcessById(pid)) segment.Kill();

            await parent.WaitForExitAsync(waiting.Token);
            Assert.True(parent.ExitCode == ExitCodes.BenchmarkFailed, $"exit {parent.ExitCode}\n{await output}\n{await error}");

            var result = ResultJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(run, "result.json")));
            Assert.False(result.Pass);
            Assert.Contains(
                $"segment 2/2 is missing: its process (pid {pid}) ended with exit code 137 (killed by signal 9, SIGKILL) "
                + "without a readable partial result; its output: segment-2.log",
                result.Messages);
            Assert.DoesNotContain(result.Messages, m => m.StartsWith("segment 1/2", StringComparison.Ordinal));
            Assert.Contains("segment 2/2 is missing", await output);
            Assert.Contains("segment 2/2 (pid", await error);
            Assert.False(File.Exists(Path.Combine(run, "segment-2-of-2.json")));

            // Everything segment 1 measured is in the merged result.
            var first = PartialResultFile.ResultOf(
                await PartialResultFile.ReadAsync(Path.Combine(run, "segment-1-of-2.json"), CancellationToken.None));
            Assert.True(first.Pass && first.LoadRan);
            Assert.True(first.Score > 0);
            Assert.Equal(first.Score, result.Score);
            Assert.Equal(first.Scores, result.Scores);
            static IEnumerable<(string, long, long)> Counts(ResultDocument d) => d.Endpoints.Select(e => (e.Endpoint, e.Count, e.Errors));
            Assert.Equal(Counts(first), Counts(result));
            Assert.Equal(first.SseDelivery.Count, result.SseDelivery.Count);
            Assert.Equal(first.Load!.Matsuri, result.Load!.Matsuri);
            Assert.Equal(first.Checks.Select(c => c.Name), result.Checks.Select(c => c.Name));
            Assert.True(result.InitialCheckPassed);
        }
        finally
        {
            if (!parent.HasExited) parent.Kill(entireProcessTree: true);
        }
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
