using System.Globalization;
using IsuBench.Bench.Commands;
using IsuBench.Bench.Reports;
using IsuBench.Bench.Segments;
using IsuBench.Integration.Bench;
using IsuBench.Integration.Infrastructure;

namespace IsuBench.Integration.Deploy;

/// <summary>
/// deploy/kubernetes run as a cluster would run it, with no cluster: every index of the segments Job runs the command its pod
/// would run, as a local process with its JOB_COMPLETION_INDEX, against the reference on loopback; then the merge Job's command.
/// </summary>
public sealed class KubernetesJobTests(SmallDataSetReference reference) : IClassFixture<SmallDataSetReference>, IDisposable
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(120);
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-kubernetes-").FullName;

    [Fact]
    public async Task Every_index_runs_its_segment_and_the_merge_Job_makes_one_passing_run_of_all_of_them()
    {
        var segmentsJob = KubernetesManifests.SegmentsJob();
        var mergeJob = KubernetesManifests.MergeJob();
        int completions = segmentsJob.Spec.Completions!.Value;
        // What the README has the reader fill in, and a load phase of seconds instead of a minute.
        var filled = new Dictionary<string, string>
        {
            ["ISUBENCH_TARGET"] = reference.BaseAddress.GetLeftPart(UriPartial.Authority),
            ["ISUBENCH_START_AT"] = DateTimeOffset.UtcNow.AddSeconds(6).UtcDateTime
                .ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["ISUBENCH_DURATION"] = "4",
        };
        var claims = new Dictionary<string, string>
        {
            [KubernetesManifests.ResultsVolume().Metadata.Name] = Path.Combine(_directory, "volume"),
        };
        Directory.CreateDirectory(claims.Values.Single());
        string work = Directory.CreateDirectory(Path.Combine(_directory, "work")).FullName;

        var pods = Enumerable.Range(0, completions).Select(index => PodCommand.Of(segmentsJob, index, filled)).ToList();
        var runs = await Task.WhenAll(pods.Select(pod =>
        {
            var (fileName, arguments) = LocalPod.Of(segmentsJob, pod, claims);
            return ChildProcess.RunAsync(fileName, arguments, ProcessTimeout, work, pod.Environment);
        }));
        foreach (var (run, index) in runs.Select((run, index) => (run, index)))
            Assert.True(run.ExitCode == ExitCodes.Pass, $"index {index}: exit {run.ExitCode}\n{run.Output}\n{run.Error}");

        // Each index wrote the partial result of its own segment, index + 1, into the folder on the volume.
        string segments = LocalPod.Of(segmentsJob, pods[0], claims).Arguments.SkipWhile(a => a != "--out").ElementAt(1);
        var partials = await PartialResultInput.ReadAsync([segments], CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, completions), partials.Select(p => p.SegmentIndex).Order());
        Assert.All(partials, p => Assert.Equal(completions, p.SegmentCount));

        var merge = LocalPod.Of(mergeJob, PodCommand.Of(mergeJob, null, filled), claims);
        var (mergeExit, mergeOutput, mergeError) = await ChildProcess.RunAsync(merge.FileName, merge.Arguments, ProcessTimeout, work);
        Assert.True(mergeExit == ExitCodes.Pass, $"merge: exit {mergeExit}\n{mergeOutput}\n{mergeError}");
        string merged = merge.Arguments.SkipWhile(a => a != "--out").ElementAt(1);
        var result = ResultJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(merged, "result.json")));
        Assert.True(result.Pass, string.Join("\n", result.Messages));
        Assert.True(result.LoadRan);
        Assert.NotEmpty(result.Checks);
        Assert.True(result.Score > 0);
        Assert.Equal(partials.Sum(p => PartialResultFile.ResultOf(p).Score), result.Score);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
