using IsuBench.Bench.Commands;
using IsuBench.Bench.Compare;
using static IsuBench.Tests.Bench.Infrastructure.ComparisonSamples;

namespace IsuBench.Tests.Bench.Commands;

public sealed class CompareCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-compare-").FullName;

    private string In(params string[] parts) => Path.Combine([_directory, .. parts]);

    private static async Task<(int ExitCode, string Output, string Error)> Compare(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await BenchCommandLine.RunAsync(["compare", .. args], output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Two_results_print_the_tables_and_write_compare_md_and_compare_html_into_out()
    {
        string before = Write(In("before.json"), Run("before", get: 1000));
        string after = Write(In("after.json"), Run("after", get: 1200));

        var (exitCode, output, error) = await Compare(before, after, "--out", In("cmp"));

        Assert.True(exitCode == ExitCodes.Pass, error);
        Assert.Equal("", error);
        Assert.Contains(output.Split('\n'), l => l.Contains("after") && l.Contains("1200") && l.Contains("+20 %"));
        Assert.Contains($"report: {In("cmp", CompareHtml.FileName)}", output);
        Assert.Contains("| get | before | 1000 |", await File.ReadAllTextAsync(In("cmp", CompareMarkdown.FileName)));
        Assert.Contains("<svg", await File.ReadAllTextAsync(In("cmp", CompareHtml.FileName)));
    }

    [Fact]
    public async Task A_folder_of_several_runs_is_one_side_compared_by_its_medians()
    {
        Write(In("runs", "1", "result.json"), Run("1", get: 900));
        Write(In("runs", "2", "result.json"), Run("2", get: 1300));
        Write(In("runs", "3", "result.json"), Run("3", get: 1000));
        string single = Write(In("single.json"), Run("single", get: 1500));

        var (exitCode, _, error) = await Compare(In("runs"), single, "--out", In("cmp"));

        Assert.True(exitCode == ExitCodes.Pass, error);
        var md = (await File.ReadAllTextAsync(In("cmp", CompareMarkdown.FileName))).Split('\n');
        Assert.Contains(md, l => l.StartsWith("| get | runs | 1000 | 900–1300 |", StringComparison.Ordinal));
        Assert.Contains(md, l => l.StartsWith("|  | single | 1500 |  |  | +50 % |", StringComparison.Ordinal));
        Assert.Contains($"| runs | {In("runs")} | 3 | 3/3 |", md);
    }

    [Fact]
    public async Task A_missing_side_is_a_usage_error_that_names_it_and_writes_nothing()
    {
        string before = Write(In("before.json"), Run("before", get: 1));
        var (exitCode, output, error) = await Compare(before, In("gone.json"), "--out", In("cmp"));
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains($"error: {In("gone.json")} does not exist", error);
        Assert.Equal("", output);
        Assert.False(Directory.Exists(In("cmp")));
    }

    [Fact]
    public async Task A_side_that_is_not_a_result_is_a_usage_error()
    {
        string before = Write(In("before.json"), Run("before", get: 1));
        await File.WriteAllTextAsync(In("junk.json"), "{ not json");
        var (exitCode, _, error) = await Compare(before, In("junk.json"), "--out", In("cmp"));
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("junk.json is not a result.json written by isubench run", error);
    }

    [Fact]
    public async Task Fewer_than_two_sides_is_a_usage_error_that_points_to_help()
    {
        string before = Write(In("before.json"), Run("before", get: 1));
        var one = await Compare(before, "--out", In("cmp"));
        Assert.Equal(ExitCodes.UsageError, one.ExitCode);
        Assert.Contains("compare needs at least two sides", one.Error);
        Assert.Contains("isubench compare --help", one.Error);

        var none = await Compare();
        Assert.Equal(ExitCodes.UsageError, none.ExitCode);
        Assert.False(Directory.Exists(In("cmp")));
    }

    [Fact]
    public async Task Help_states_the_default_output_folder()
    {
        var (exitCode, output, _) = await Compare("--help");
        Assert.Equal(ExitCodes.Pass, exitCode);
        Assert.Contains("--out", output);
        Assert.Contains($"default: {CompareCommand.DefaultRoot}/<time>", output.ReplaceLineEndings(" "));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
