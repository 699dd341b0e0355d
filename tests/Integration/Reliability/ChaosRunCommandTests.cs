using System.Diagnostics;
using IsuBench.Bench.Commands;
using IsuBench.Bench.Reports;
using Xunit.Abstractions;

namespace IsuBench.Integration.Reliability;

/// <summary>
/// <c>isubench run</c> as a user runs it, against <see cref="ChaosTarget"/>: it ends, fails and says what failed. It measures
/// no memory, so unlike <see cref="BenchAgainstChaosTests"/> it runs beside the other tests.
/// </summary>
public sealed class ChaosRunCommandTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ChaosTarget _target = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => _target = await ChaosTarget.StartAsync(seed: 7);

    [Fact]
    public async Task Isubench_run_against_the_chaos_target_ends_exits_1_and_writes_what_failed()
    {
        var outDir = Directory.CreateTempSubdirectory("isubench-chaos-").FullName;
        try
        {
            var printed = new StringWriter();
            var errors = new StringWriter();
            var watch = Stopwatch.StartNew();
            // The command as a user runs it; the outer bound only turns a hang into a failure instead of a stuck suite.
            var exitCode = await BenchCommandLine.RunAsync(
                    ["run", "--target", _target.BaseAddress.GetLeftPart(UriPartial.Authority), "--duration", "5", "--seed", "7", "--out", outDir, "--no-progress"],
                    TextWriter.Synchronized(printed), TextWriter.Synchronized(errors))
                .WaitAsync(TimeSpan.FromSeconds(120));
            watch.Stop();
            output.WriteLine($"exit {exitCode} after {watch.Elapsed.TotalSeconds:F1} s\n{printed}\n{errors}");

            Assert.Equal(ExitCodes.BenchmarkFailed, exitCode);
            var result = ResultJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(outDir, "result.json")));
            Assert.False(result.Pass);
            Assert.NotEmpty(result.Messages);
            Assert.Contains(result.Errors, e => e.Kind == "critical");
            Assert.StartsWith("FAIL", printed.ToString().Split('\n').First(l => l.StartsWith("FAIL  score", StringComparison.Ordinal) || l.StartsWith("PASS  score", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync() => await _target.DisposeAsync();
}
