using System.Text.RegularExpressions;
using IsuBench.Bench.Commands;
using IsuBench.Tests.Shared;
using k8s.Models;

namespace IsuBench.Integration.Deploy;

/// <summary>deploy/kubernetes holds together: one segment per index, none run twice, one shared volume, one folder, one image.</summary>
public sealed partial class KubernetesManifestTests
{
    private static readonly Dictionary<string, string> Filled = new()
    {
        ["ISUBENCH_TARGET"] = "http://10.0.0.5:8080",
        ["ISUBENCH_START_AT"] = "2026-12-07T15:00:00Z",
    };

    private static V1Container Container(V1Job job) => Assert.Single(job.Spec.Template.Spec.Containers);

    [Fact]
    public void The_segments_Job_runs_every_index_at_once_as_one_segment_each_and_none_twice()
    {
        var job = KubernetesManifests.SegmentsJob();
        var spec = job.Spec;
        Assert.Equal("Indexed", spec.CompletionMode);
        Assert.NotNull(spec.Completions);
        Assert.True(spec.Completions >= 2);
        // All at once: a segment that waited for a free slot would start after --start-at and be refused.
        Assert.Equal(spec.Completions, spec.Parallelism);
        // A failed pod is not run again (its second try would measure another time), and does not end the others.
        Assert.Equal(0, spec.BackoffLimitPerIndex);
        Assert.Null(spec.MaxFailedIndexes);
        Assert.Null(spec.PodFailurePolicy);
        Assert.Equal("Never", spec.Template.Spec.RestartPolicy);

        var pod = PodCommand.Of(job, 0, Filled);
        Assert.Equal($"{PodCommand.CompletionIndex}/{spec.Completions}", pod.ValueOf(SegmentFromEnvironment.OptionName));
        Assert.DoesNotContain("--segment", pod.Arguments);
        Assert.Equal("run", pod.Arguments[1]);
        Assert.Equal(Filled["ISUBENCH_START_AT"], pod.ValueOf("--start-at"));
        Assert.Equal(Filled["ISUBENCH_TARGET"], pod.ValueOf("--target"));
        // Segments 2..N wait for segment 1's check on the shared volume; skipping it would let them load a failing target.
        Assert.DoesNotContain("--skip-initial-check", pod.Arguments);
    }

    [Fact]
    public void Both_Jobs_share_one_ReadWriteMany_volume_and_the_merge_reads_the_folder_the_segments_write()
    {
        var claim = KubernetesManifests.ResultsVolume();
        Assert.Contains("ReadWriteMany", claim.Spec.AccessModes);
        var segmentsJob = KubernetesManifests.SegmentsJob();
        var mergeJob = KubernetesManifests.MergeJob();
        // The folder a pod's argument names, as (claim, path inside the volume).
        static (string Claim, string Path) OnVolume(V1Job job, string path)
        {
            var spec = job.Spec.Template.Spec;
            var mount = Assert.Single(Container(job).VolumeMounts, m => path.StartsWith(m.MountPath + "/", StringComparison.Ordinal));
            var volume = Assert.Single(spec.Volumes, v => v.Name == mount.Name);
            return (volume.PersistentVolumeClaim.ClaimName, path[mount.MountPath.Length..]);
        }

        var segments = PodCommand.Of(segmentsJob, 0, Filled);
        var merge = PodCommand.Of(mergeJob, null, Filled);
        var written = OnVolume(segmentsJob, segments.ValueOf("--out"));
        Assert.Equal(claim.Metadata.Name, written.Claim);
        Assert.Equal(["merge", segments.ValueOf("--out")], merge.Arguments.Skip(1).Take(2));
        Assert.Equal(written, OnVolume(mergeJob, merge.Arguments[2]));
        var mergedInto = OnVolume(mergeJob, merge.ValueOf("--out"));
        Assert.Equal(claim.Metadata.Name, mergedInto.Claim);
        // One folder per start time, so that a run never merges a partial result an earlier run left.
        Assert.Contains(Filled["ISUBENCH_START_AT"], written.Path);

        Assert.Null(mergeJob.Spec.CompletionMode);
        Assert.Equal(0, mergeJob.Spec.BackoffLimit);
        Assert.Equal("Never", mergeJob.Spec.Template.Spec.RestartPolicy);
    }

    [Fact]
    public void Both_Jobs_run_the_isubench_the_Dockerfile_publishes_with_arguments_its_command_line_accepts()
    {
        var dockerfile = File.ReadAllText(Path.Combine(KubernetesManifests.Folder, "Dockerfile"));
        var publish = Publish().Match(dockerfile);
        Assert.True(publish.Success, "deploy/kubernetes/Dockerfile does not dotnet publish src/Bench -o DIR");
        Assert.Contains($"COPY --from=build {publish.Groups[1].Value} {publish.Groups[1].Value}", dockerfile);
        foreach (var job in new[] { KubernetesManifests.SegmentsJob(), KubernetesManifests.MergeJob() })
        {
            Assert.Equal(KubernetesManifests.SegmentsJob().Spec.Template.Spec.Containers[0].Image, Container(job).Image);
            var pod = PodCommand.Of(job, job.Spec.CompletionMode == "Indexed" ? 0 : null, Filled);
            Assert.Equal($"{publish.Groups[1].Value}/isubench", pod.Arguments[0]);
            var parsed = BenchCommandLine.Build().Parse(pod.Arguments.Skip(1).ToArray());
            Assert.True(parsed.Errors.Count == 0, $"{job.Metadata.Name}: " + string.Join("; ", parsed.Errors.Select(e => e.Message)));
            // Every $(NAME) is a variable of the container: Kubernetes would leave an unknown one as written.
            Assert.DoesNotContain(pod.Arguments, a => a.Contains("$(", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_readme_fills_in_every_placeholder_of_the_manifests()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        foreach (var job in new[] { KubernetesManifests.SegmentsJob(), KubernetesManifests.MergeJob() })
            foreach (var name in Filled.Keys.Where(n => Container(job).Env.Any(e => e.Name == n)))
                Assert.Contains($"s|{Container(job).Env.Single(e => e.Name == name).Value}|", readme);
    }

    [GeneratedRegex(@"dotnet publish src/Bench\b[^\n]*?-o (\S+)")]
    private static partial Regex Publish();
}
