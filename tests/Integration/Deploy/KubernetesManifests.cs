using IsuBench.Tests.Shared;
using k8s;
using k8s.Models;

namespace IsuBench.Integration.Deploy;

/// <summary>
/// The manifests of deploy/kubernetes, read with the KubernetesClient package's models (strictly: an unknown field fails).
/// </summary>
internal static class KubernetesManifests
{
    /// <summary>The folder that holds them.</summary>
    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, "deploy", "kubernetes");

    /// <summary>The Indexed Job whose pods run the segments.</summary>
    public static V1Job SegmentsJob() => Load<V1Job>("segments-job.yaml");

    /// <summary>The Job that merges the segments' partial results.</summary>
    public static V1Job MergeJob() => Load<V1Job>("merge-job.yaml");

    /// <summary>The claim of the volume the pods share.</summary>
    public static V1PersistentVolumeClaim ResultsVolume() => Load<V1PersistentVolumeClaim>("results-volume.yaml");

    private static T Load<T>(string name)
    {
        var objects = KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(Folder, name)), strict: true);
        return Assert.IsType<T>(Assert.Single(objects));
    }
}
