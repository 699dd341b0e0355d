using k8s.Models;

namespace IsuBench.Integration.Deploy;

/// <summary>
/// A pod's command run here instead of in a cluster, changed only where it must be: the image's program is the isubench
/// this test was built with, and each mounted claim's path is a folder of this machine standing for the shared volume.
/// </summary>
internal static class LocalPod
{
    /// <summary>
    /// The program and arguments that run <paramref name="pod"/> of <paramref name="job"/> here; <paramref name="claims"/> maps
    /// claim names to folders.
    /// </summary>
    public static (string FileName, IReadOnlyList<string> Arguments) Of(
        V1Job job, PodCommand pod, IReadOnlyDictionary<string, string> claims)
    {
        var spec = job.Spec.Template.Spec;
        var mounts = Assert.Single(spec.Containers).VolumeMounts
            .Select(m => (m.MountPath, Folder: claims[spec.Volumes.Single(v => v.Name == m.Name).PersistentVolumeClaim.ClaimName]))
            .ToList();
        string Local(string argument)
        {
            foreach (var (mountPath, folder) in mounts)
                if (argument == mountPath || argument.StartsWith(mountPath + "/", StringComparison.Ordinal))
                    return folder + argument[mountPath.Length..];
            return argument;
        }
        string isubench = Path.Combine(AppContext.BaseDirectory, "isubench.dll");
        return ("dotnet", [isubench, .. pod.Arguments.Skip(1).Select(Local)]);
    }
}
