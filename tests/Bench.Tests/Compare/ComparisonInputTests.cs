using IsuBench.Bench.Compare;
using static IsuBench.Tests.Bench.Compare.RepeatedRunSamples;
using static IsuBench.Tests.Bench.Infrastructure.ComparisonSamples;

namespace IsuBench.Tests.Bench.Compare;

public sealed class ComparisonInputTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-compare-input-").FullName;

    private string In(params string[] parts) => Path.Combine([_directory, .. parts]);

    [Fact]
    public async Task A_folder_is_one_side_of_every_result_json_in_it_at_any_depth_labelled_with_its_name()
    {
        Write(In("tuned", "r1", "result.json"), Run("r1", get: 1));
        Write(In("tuned", "r2", "result.json"), Run("r2", get: 2));
        Write(In("tuned", "nightly", "r3", "result.json"), Run("r3", get: 3));
        await File.WriteAllTextAsync(In("tuned", "r1", "summary.md"), "# not a result");
        Write(In("tuned", "profiles-tuned.json"), Run("other", get: 4)); // not named result.json: not a run of the folder

        var side = await ComparisonInput.ReadSideAsync(In("tuned") + Path.DirectorySeparatorChar, CancellationToken.None);

        Assert.Equal("tuned", side.Label);
        Assert.Equal(["r3", "r1", "r2"], side.Runs.Select(r => r.RunId)); // by path: nightly/ sorts before r1/
    }

    [Fact]
    public async Task A_file_of_run_repeat_is_a_side_of_its_runs_without_its_warm_up_runs()
    {
        string path = Write(In("baseline-isucon.json"),
            Summary("baseline-isucon", [Run("x", get: 900), Run("x", get: 1100), Run("x", get: 1000)], warmUp: [Run("w", get: 5000)]));

        var side = await ComparisonInput.ReadSideAsync(path, CancellationToken.None);

        Assert.Equal("baseline-isucon", side.Label);
        Assert.Single(side.Results);
        Assert.Equal(["run-1", "run-2", "run-3"], side.Runs.Select(r => r.RunId));
        Assert.Equal([1010L, 1210, 1110], side.Runs.Select(r => r.Score)); // get + 100 post + 10 stream
    }

    [Fact]
    public async Task A_folder_written_by_run_repeat_counts_each_run_once_by_its_own_file_and_leaves_out_warm_up_runs()
    {
        var runs = Renamed([Run("x", get: 900), Run("x", get: 1100), Run("x", get: 1000)], "run");
        var warmUp = Renamed([Run("w", get: 5000)], "warm-up");
        Write(In("nightly", "result.json"), Summary("nightly", runs, warmUp));
        foreach (var run in runs.Concat(warmUp)) Write(In("nightly", run.RunId, "result.json"), run);

        var side = await ComparisonInput.ReadSideAsync(In("nightly"), CancellationToken.None);

        // The runs' own files, which hold each run's endpoints and delivery, stand for the summary.
        Assert.Equal(["run-1", "run-2", "run-3"], side.Results.Select(r => r.RunId));
        Assert.Equal(["run-1", "run-2", "run-3"], side.Runs.Select(r => r.RunId));

        // Without one of them, the summary stands for all its runs and the others' files are left out.
        File.Delete(In("nightly", "run-2", "result.json"));
        side = await ComparisonInput.ReadSideAsync(In("nightly"), CancellationToken.None);
        Assert.Equal(["nightly"], side.Results.Select(r => r.RunId));
        Assert.Equal(["run-1", "run-2", "run-3"], side.Runs.Select(r => r.RunId));
    }

    [Fact]
    public async Task A_file_is_one_run_labelled_with_its_run_id_and_repeated_labels_are_numbered()
    {
        string path = Write(In("a.json"), Run("baseline", get: 1));
        var sides = await ComparisonInput.ReadAsync([path, path], CancellationToken.None);
        Assert.Equal(["baseline", "baseline (2)"], sides.Select(s => s.Label));
        Assert.All(sides, s => Assert.Equal(path, s.Source));
        Assert.Single(sides[0].Runs);
    }

    [Fact]
    public async Task Missing_files_empty_folders_and_files_that_are_not_results_say_so()
    {
        Directory.CreateDirectory(In("empty"));
        await File.WriteAllTextAsync(In("junk.json"), "<html/>");
        await File.WriteAllTextAsync(In("original.json"), """{"pass":true,"score":1200,"messages":[]}""");

        async Task<string> Why(string path) =>
            (await Assert.ThrowsAsync<ComparisonInputException>(() => ComparisonInput.ReadSideAsync(path, CancellationToken.None))).Message;

        Assert.StartsWith($"{In("gone.json")} does not exist; pass a result.json", await Why(In("gone.json")));
        Assert.StartsWith($"{In("empty")} holds no result.json", await Why(In("empty")));
        Assert.StartsWith($"{In("junk.json")} is not a result.json written by isubench run", await Why(In("junk.json")));
        // The original bench's output has a score but nothing else to compare.
        string original = await Why(In("original.json"));
        Assert.StartsWith($"{In("original.json")} is not a result.json written by isubench run", original);
        Assert.Contains("run_id", original);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
