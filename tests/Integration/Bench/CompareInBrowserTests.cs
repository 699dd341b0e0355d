using IsuBench.Bench.Commands;
using IsuBench.Bench.Compare;
using IsuBench.Tests.Shared;

namespace IsuBench.Integration.Bench;

/// <summary><c>isubench compare</c> of the two committed profile runs (scripts/bench-profiles.sh), and its page in a real browser, offline.</summary>
public sealed class CompareInBrowserTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-compare-").FullName;

    [Fact]
    public async Task Compare_of_the_baseline_and_tuned_profile_runs_renders_its_charts_offline()
    {
        string baseline = Path.Combine(RepositoryRoot.Path, "results", "profiles-baseline.json");
        string tuned = Path.Combine(RepositoryRoot.Path, "results", "profiles-tuned.json");

        var (exitCode, output, error) = await BenchCommandRunner.RunAsync("compare", baseline, tuned, "--out", _directory);

        Assert.True(exitCode == ExitCodes.Pass, $"exit {exitCode}\n{output}\n{error}");
        string page = Path.Combine(_directory, CompareHtml.FileName);
        Assert.Contains($"report: {page}", output);
        Assert.True(File.Exists(Path.Combine(_directory, CompareMarkdown.FileName)));

        var rendered = await ReportInBrowser.OpenAsync(page, CompareHtml.ChartIds);
        Assert.Empty(rendered.RefusedRequests);
        Assert.Empty(rendered.ScriptErrors);
        Assert.Equal("IsuBench comparison: baseline vs tuned", rendered.Title);
        Assert.True(rendered.ScreenshotBytes > 10_000, $"screenshot of {rendered.ScreenshotBytes} bytes");
        Assert.True(new FileInfo(rendered.ScreenshotPath).Length > 10_000);
        foreach (var (id, chart) in rendered.Charts)
        {
            Assert.True(chart.Width > 100 && chart.Height > 100, $"{id} laid out as {chart.Width}x{chart.Height}");
            // Two sides: at least a bar per side, and bars with real extent.
            Assert.True(chart.Marks >= 2, $"{id} has {chart.Marks} data marks");
            Assert.True(chart.DrawnExtent > 0, $"{id}'s marks have no drawn extent");
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
