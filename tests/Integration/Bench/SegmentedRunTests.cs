using System.Globalization;
using System.Text.Json;
using IsuBench.Bench.Commands;
using IsuBench.Bench.Reports;
using IsuBench.Bench.Segments;
using NJsonSchema;

namespace IsuBench.Integration.Bench;

/// <summary><c>isubench run --segment I/N</c> and <c>isubench merge</c> end to end against the reference on loopback.</summary>
public sealed class SegmentedRunTests(SmallDataSetReference reference) : IClassFixture<SmallDataSetReference>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-segments-").FullName;
    private readonly string _target = reference.BaseAddress.GetLeftPart(UriPartial.Authority);

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Two_segments_started_together_merge_into_one_passing_run_with_the_sum_of_their_numbers()
    {
        var segments = Path.Combine(_directory, "segments");
        var startAt = Iso(DateTimeOffset.UtcNow.AddSeconds(6));
        var runs = await Task.WhenAll(
            BenchCommandRunner.RunAsync("run", "--target", _target, "--duration", "4", "--seed", "9", "--segment", "1/2", "--start-at", startAt, "--out", segments, "--no-progress"),
            BenchCommandRunner.RunAsync("run", "--target", _target, "--duration", "4", "--seed", "9", "--segment", "2/2", "--start-at", startAt, "--out", segments, "--no-progress"));
        foreach (var (exitCode, output, error) in runs) Assert.True(exitCode == ExitCodes.Pass, $"exit {exitCode}\n{output}\n{error}");
        Assert.True(File.Exists(Path.Combine(segments, CheckOutcomeFile.FileName)));

        var partials = await PartialResultInput.ReadAsync([segments], CancellationToken.None);
        Assert.Equal([1, 2], partials.Select(p => p.SegmentIndex).Order());
        var own = partials.OrderBy(p => p.SegmentIndex).Select(PartialResultFile.ResultOf).ToList();
        Assert.NotEmpty(own[0].Checks);
        Assert.Empty(own[1].Checks);
        // Each segment's load began at --start-at, not before.
        Assert.All(partials, p => Assert.Equal(DateTimeOffset.Parse(startAt, CultureInfo.InvariantCulture), p.StartAt));

        var merged = Path.Combine(_directory, "merged");
        var (mergeExit, mergeOutput, mergeError) = await BenchCommandRunner.RunAsync("merge", segments, "--out", merged);
        Assert.True(mergeExit == ExitCodes.Pass, $"exit {mergeExit}\n{mergeOutput}\n{mergeError}");
        string json = await File.ReadAllTextAsync(Path.Combine(merged, "result.json"));
        Assert.Empty((await JsonSchema.FromJsonAsync(ResultJson.Schema())).Validate(json));
        var result = ResultJson.Deserialize(json);
        Assert.True(result.Pass);
        Assert.True(result.LoadRan);
        Assert.Equal(own.Sum(d => d.Score), result.Score);
        Assert.True(result.Score > 0);
        Assert.Equal(own.Sum(d => d.Endpoints.Sum(e => e.Count)), result.Endpoints.Sum(e => e.Count));
        Assert.Equal(own[0].Checks.Select(c => c.Name), result.Checks.Select(c => c.Name));
        Assert.Equal(own.Sum(d => d.Load!.Matsuri.RoomsCreated), result.Load!.Matsuri.RoomsCreated);
        Assert.Equal(own.Sum(d => d.Load!.Iterations.GetValueOrDefault("Matsuri")), result.Load.Iterations["Matsuri"]);
        foreach (var name in new[] { "summary.md", "report.html", "junit.xml" }) Assert.True(File.Exists(Path.Combine(merged, name)), name);

        // Only segment 1 of 2: the merged result fails, names segment 2, and keeps segment 1's numbers.
        var partial = Path.Combine(_directory, "partial");
        var (partialExit, partialOutput, _) = await BenchCommandRunner.RunAsync("merge", Path.Combine(segments, "segment-1-of-2.json"), "--out", partial);
        Assert.Equal(ExitCodes.BenchmarkFailed, partialExit);
        Assert.Contains("segment 2/2 is missing", partialOutput);
        var kept = ResultJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(partial, "result.json")));
        Assert.False(kept.Pass);
        Assert.Equal(own[0].Score, kept.Score);
    }

    [Fact]
    public async Task A_segment_after_the_first_sends_no_load_when_segment_1s_initial_check_failed()
    {
        var segments = Path.Combine(_directory, "failed-check");
        Directory.CreateDirectory(segments);
        // What segment 1 writes when its check fails (this run's seed, segment count and target, no --start-at).
        await File.WriteAllTextAsync(Path.Combine(segments, CheckOutcomeFile.FileName), JsonSerializer.Serialize(new
        {
            run = $"seed=4;segments=2;targets={new Uri(_target)};start_at=-",
            passed = false,
            written_at = DateTimeOffset.UtcNow,
        }));

        var (exitCode, output, error) = await BenchCommandRunner.RunAsync(
            "run", "--target", _target, "--duration", "4", "--seed", "4", "--segment", "2/2", "--out", segments, "--no-progress");

        Assert.True(exitCode == ExitCodes.BenchmarkFailed, $"exit {exitCode}\n{output}\n{error}");
        var partial = (await PartialResultInput.ReadAsync([segments], CancellationToken.None)).Single();
        var own = PartialResultFile.ResultOf(partial);
        Assert.False(own.LoadRan);
        Assert.Contains("segment 2/2: the initial check of segment 1/2 failed; this segment sent no load", own.Messages);
    }

    [Fact]
    public async Task A_start_time_already_past_is_refused()
    {
        var (exitCode, _, error) = await BenchCommandRunner.RunAsync(
            "run", "--target", _target, "--segment", "1/2", "--start-at", Iso(DateTimeOffset.UtcNow.AddSeconds(-1)), "--out", Path.Combine(_directory, "late"));
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("has passed: this machine's clock reads", error);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
