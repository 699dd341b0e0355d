using IsuBench.Bench.Commands;
using IsuBench.Bench.Processes;
using IsuBench.Bench.Reports;
using IsuBench.Bench.Segments;
using IsuBench.Integration.Infrastructure;
using NJsonSchema;

namespace IsuBench.Integration.Bench;

/// <summary>
/// <c>isubench run --processes N</c> as a real process against the reference on loopback: its segments start as processes of their
/// own, from <c>dotnet isubench.dll</c> (and from the apphost in <see cref="KilledSegmentRunTests"/>), and their partial results are
/// merged into the run's files.
/// </summary>
public sealed class ProcessesRunTests(SmallDataSetReference reference) : IClassFixture<SmallDataSetReference>, IDisposable
{
    /// <summary>Longer than any run of these tests takes.</summary>
    internal static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(3);
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

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
