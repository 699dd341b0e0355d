using System.Diagnostics;
using System.Globalization;
using IsuBench.Bench.Commands;
using IsuBench.Bench.Processes;
using IsuBench.Bench.Progress;
using IsuBench.Bench.Reports;
using IsuBench.Bench.Segments;
using IsuBench.Integration.Infrastructure;
using IsuBench.Integration.InitialCheck;
using IsuBench.Scenarios.Run;
using NJsonSchema;

namespace IsuBench.Integration.Bench;

/// <summary>
/// <c>isubench run --processes N</c> as a real process against the reference on loopback: its segments start as processes of their
/// own, from <c>dotnet isubench.dll</c> and from the apphost, and their partial results are merged into the run's files.
/// </summary>
public sealed class ProcessesRunTests(LoadedReference reference) : IClassFixture<LoadedReference>, IDisposable
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(3);
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-processes-").FullName;
    private readonly string _target = reference.BaseAddress.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task Two_processes_under_dotnet_merge_into_one_passing_run_with_both_segments()
    {
        string run = Path.Combine(_directory, "run");
        var (exitCode, output, error) = await ChildProcess.RunAsync("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "isubench.dll"), "run", "--target", _target, "--processes", "2", "--duration", "3",
             "--seed", "11", "--out", run, "--no-progress"],
            ProcessTimeout);

        Assert.True(exitCode == ExitCodes.Pass, $"exit {exitCode}\n{output}\n{error}");
        var partials = await PartialResultInput.ReadAsync([run], CancellationToken.None);
        Assert.Equal([1, 2], partials.Select(p => p.SegmentIndex).Order());
        Assert.All(partials, p => Assert.Equal(11, p.Seed));
        var own = partials.OrderBy(p => p.SegmentIndex).Select(PartialResultFile.ResultOf).ToList();
        Assert.All(own, d => Assert.True(d.LoadRan));

        string json = await File.ReadAllTextAsync(Path.Combine(run, "result.json"));
        Assert.Empty((await JsonSchema.FromJsonAsync(ResultJson.Schema())).Validate(json));
        var result = ResultJson.Deserialize(json);
        Assert.True(result.Pass);
        Assert.True(result.Score > 0);
        Assert.Equal(own.Sum(d => d.Score), result.Score);
        Assert.Equal(own.Sum(d => d.Endpoints.Sum(e => e.Count)), result.Endpoints.Sum(e => e.Count));
        Assert.Equal(own[0].Checks.Select(c => c.Name), result.Checks.Select(c => c.Name));
        Assert.Equal(2, result.Options.Segments);
        Assert.Equal(2, result.Options.Processes);
        Assert.Contains("split into 2 processes on one machine", output);
        Assert.Contains("split into 2 processes on one machine", await File.ReadAllTextAsync(Path.Combine(run, "summary.md")));
        foreach (var name in new[] { "summary.md", "report.html", "junit.xml" }) Assert.True(File.Exists(Path.Combine(run, name)), name);
        foreach (int index in new[] { 1, 2 })
        {
            Assert.Contains($"segment {index}/2 (pid ", error);
            Assert.Contains($"segment {index}/2: partial result", await File.ReadAllTextAsync(SegmentChild.LogPathOf(run, index)));
            Assert.False(File.Exists(SegmentChild.PidPathOf(run, index)));
            Assert.False(File.Exists(SegmentChild.ProgressPathOf(run, index)));
        }
    }

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
                await Task.Delay(100, waiting.Token);
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

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
