using IsuBench.Bench.Compare;
using IsuBench.Bench.Figures;
using IsuBench.Bench.Gate;
using IsuBench.Tests.Shared;
using static IsuBench.Tests.Bench.Compare.RepeatedRunSamples;
using static IsuBench.Tests.Bench.Infrastructure.ComparisonSamples;

namespace IsuBench.Tests.Bench.Compare;

/// <summary><c>compare</c> and <c>gate</c> read a result of <c>run --repeat</c> as the same runs with the same values.</summary>
public sealed class RepeatFileAgreementTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-repeat-agreement-").FullName;

    [Fact]
    public async Task A_written_repeat_file_is_the_same_runs_to_compare_and_to_gate()
    {
        string path = Write(Path.Combine(_directory, "tuned.json"), Summary("tuned",
        [
            WithGateFigures(Run("x", get: 900) with { Pass = false }, ("GET / p50 ms", 4.5, true), ("GET / p99 ms", 30, false), ("share on time", 0.97, true)),
            WithGateFigures(Run("x", get: 1100), ("GET / p50 ms", 5.5, true), ("GET / p99 ms", 20, false), ("share on time", 0.99, true)),
            WithGateFigures(Run("x", get: 1000), ("GET / p50 ms", 5, true), ("GET / p99 ms", 25, false), ("share on time", 0.98, true)),
        ], warmUp: [WithGateFigures(Run("w", get: 5000), ("GET / p50 ms", 50, true))]));

        await AssertSameRunsAsync(path, runs: 3);
    }

    [Theory]
    [InlineData("baseline-gate.json")]
    [InlineData("baseline-isucon.json")]
    public async Task A_committed_baseline_is_the_same_runs_to_compare_and_to_gate(string file) =>
        await AssertSameRunsAsync(Path.Combine(RepositoryRoot.Path, "results", file), runs: null);

    private static async Task AssertSameRunsAsync(string path, int? runs)
    {
        var gate = await ScoreFile.ReadAsync(path, CancellationToken.None);
        var side = await ComparisonInput.ReadSideAsync(path, CancellationToken.None);

        Assert.True(gate.Samples.Count > 1, $"{path} is not a result of run --repeat");
        if (runs is { } count) Assert.Equal(count, side.Runs.Count);
        Assert.Equal(gate.Samples.Count, side.Runs.Count);
        Assert.Equal(gate.Samples.Select(s => s.RunId), side.Runs.Select(r => r.RunId));
        Assert.Equal(gate.Samples.Select(s => (s.Pass, s.Score)), side.Runs.Select(r => (r.Pass, r.Score)));
        // The gated figures of each run, as gate compares them.
        Assert.Equal(
            gate.Samples.Select(s => (s.GateFigures ?? []).Select(f => (f.Name, f.Value)).ToList()),
            side.Runs.Select(r => (r.GateFigures ?? new Dictionary<string, IsuBench.Bench.Reports.GateFigureDocument>())
                .Where(f => f.Value.Gated).Select(f => (f.Key, f.Value.Value)).ToList()));

        // And the comparison's total score is taken over those runs.
        var comparison = RunComparison.Of([side, side]);
        var total = comparison.Scores.Single(s => s.Name == RunComparison.TotalScore).Sides[0].Spread!;
        Assert.Equal(Spread.Of(gate.Samples.Select(s => (double)s.Score).ToList()), total);

        // The headline's gate figures are the gate's, over the same values, improving the same way.
        var (figures, _) = FigurePairing.Pair(gate.Samples, gate.Samples);
        foreach (var figure in figures)
        {
            var headline = comparison.Headline.Single(f => f.Name == figure.Name);
            Assert.Equal(figure.Better, headline.Better);
            Assert.Equal(Spread.Of(figure.Baselines), headline.Sides[0].Spread);
        }
        Assert.Equal(
            figures.Select(f => f.Name).Append(GateFigure.ScoreName).Distinct().Order(StringComparer.Ordinal),
            comparison.Headline.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
