using System.Text.RegularExpressions;
using IsuBench.Bench.Commands;
using IsuBench.Bench.Compare;
using IsuBench.Tests.Shared;

namespace IsuBench.Tests.Bench.Compare;

/// <summary>The README's <c>isubench compare</c> example on a fresh clone: it names committed results, and compare reads them.</summary>
public sealed partial class ReadmeCompareExampleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-readme-compare-").FullName;

    [Fact]
    public async Task The_readme_example_compares_committed_results()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "README.md"));
        var example = ExampleCommand().Match(readme);
        Assert.True(example.Success, "README.md has no `isubench compare results/... results/...` example");
        var sides = example.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(sides.Length >= 2, example.Value);

        var paths = sides.Select(side => Path.Combine(RepositoryRoot.Path, side)).ToList();
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = await BenchCommandLine.RunAsync(["compare", .. paths, "--out", _directory], output, error);

        Assert.True(exitCode == ExitCodes.Pass, $"exit {exitCode}\n{output}\n{error}");
        Assert.True(File.Exists(Path.Combine(_directory, CompareHtml.FileName)));
        Assert.Contains("Headline", output.ToString());
    }

    // The example's sides: committed files under results/ (not results/ci/ or other outputs of a recipe).
    [GeneratedRegex(@"`isubench compare ((?:results/[\w.-]+\.json ?)+)`")]
    private static partial Regex ExampleCommand();

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
