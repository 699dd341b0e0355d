using System.Text.RegularExpressions;
using k8s.Models;

namespace IsuBench.Integration.Deploy;

/// <summary>
/// What the one container of a Job's pod runs, as Kubernetes starts it: its command and arguments with every <c>$(NAME)</c>
/// replaced by the container's variable of that name (<c>$$</c> stands for <c>$</c>, an unknown name is left as written),
/// and its environment, which in an Indexed Job holds the pod's <c>JOB_COMPLETION_INDEX</c>.
/// </summary>
internal sealed partial record PodCommand(IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>The variable Kubernetes sets to the pod's index in an Indexed Job.</summary>
    public const string CompletionIndex = "JOB_COMPLETION_INDEX";

    /// <summary>
    /// The command of <paramref name="job"/>'s pod of index <paramref name="index"/> (null for a Job that is not Indexed), with the
    /// values of <paramref name="filled"/> in place of the manifest's for the variables it names.
    /// </summary>
    public static PodCommand Of(V1Job job, int? index, IReadOnlyDictionary<string, string> filled)
    {
        var container = Assert.Single(job.Spec.Template.Spec.Containers);
        var environment = new Dictionary<string, string>();
        if (index is { } i)
        {
            Assert.Equal("Indexed", job.Spec.CompletionMode);
            environment[CompletionIndex] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        foreach (var variable in container.Env ?? [])
        {
            Assert.True(variable.ValueFrom is null, $"{variable.Name}: only plain values are read here");
            environment[variable.Name] = filled.TryGetValue(variable.Name, out var value)
                ? value
                : Expand(variable.Value ?? "", environment);
        }
        Assert.NotNull(container.Command);
        var arguments = container.Command.Concat(container.Args ?? []).Select(a => Expand(a, environment)).ToList();
        return new PodCommand(arguments, environment);
    }

    /// <summary>The argument after <paramref name="option"/>, which must be given once.</summary>
    public string ValueOf(string option)
    {
        int at = Arguments.ToList().IndexOf(option);
        Assert.True(at >= 0 && at + 1 < Arguments.Count, $"{option} with a value is not among {string.Join(' ', Arguments)}");
        Assert.Equal(at, Arguments.ToList().LastIndexOf(option));
        return Arguments[at + 1];
    }

    private static string Expand(string text, IReadOnlyDictionary<string, string> environment) =>
        Reference().Replace(text, m => m.Value == "$$" ? "$" : environment.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    [GeneratedRegex(@"\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();
}
