using System.Xml.Linq;
using IsuBench.Bench.Commands;
using IsuBench.Bench.Reports;
using IsuBench.Integration.Reference;

namespace IsuBench.Integration.Bench;

/// <summary><c>run</c> and <c>check</c> against a server that answers but breaks the contract: the reference over an empty database (no rooms for the top page).</summary>
public sealed class FailingTargetCommandTests(BaselineServer server) : IClassFixture<BaselineServer>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-failing-").FullName;
    private readonly string _target = server.BaseAddress.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task Check_exits_1_and_prints_the_failed_checks_with_their_evidence()
    {
        var (exitCode, output, error) = await BenchCommandRunner.RunAsync("check", "--target", _target, "--no-progress");
        Assert.True(exitCode == ExitCodes.BenchmarkFailed, $"exit {exitCode}\n{output}\n{error}");
        Assert.Matches(@"(?m)^FAIL [a-z-]+ \(\d+ verdicts", output);
        Assert.Matches(@"(?m)^    FAIL\(critical\) [a-z.-]+: .+ expected: .*; got: ", output);
        Assert.StartsWith("FAIL", output.Split('\n').First(l => l.StartsWith("FAIL  score", StringComparison.Ordinal) || l.StartsWith("PASS  score", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Run_exits_1_skips_the_load_and_reports_the_failures_in_every_file()
    {
        var outDir = Path.Combine(_directory, "failed");
        var (exitCode, output, error) = await BenchCommandRunner.RunAsync("run", "--target", _target, "--duration", "3", "--out", outDir, "--no-progress");
        Assert.True(exitCode == ExitCodes.BenchmarkFailed, $"exit {exitCode}\n{output}\n{error}");
        Assert.Contains("[load phase not run: the initial check failed]", output);

        var result = ResultJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(outDir, "result.json")));
        Assert.False(result.Pass);
        Assert.False(result.InitialCheckPassed);
        Assert.False(result.LoadRan);
        Assert.NotEmpty(result.Messages);
        Assert.Contains(result.Errors, e => e.Kind == "critical");

        var junit = XDocument.Load(Path.Combine(outDir, "junit.xml"));
        Assert.True(int.Parse((string)junit.Root!.Element("testsuite")!.Attribute("failures")!) > 0);
        Assert.DoesNotContain(junit.Descendants("testcase"), c => (string)c.Attribute("name")! == "no critical errors under load");
        Assert.Contains(": FAIL, score", await File.ReadAllTextAsync(Path.Combine(outDir, "summary.md")));

        var (gate, gateOutput, _) = await BenchCommandRunner.RunAsync("gate", "--result", Path.Combine(outDir, "result.json"), "--baseline", Path.Combine(outDir, "result.json"));
        Assert.Equal(ExitCodes.Regression, gate);
        Assert.StartsWith("FAIL: the run failed", gateOutput);
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
