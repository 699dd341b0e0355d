using System.Globalization;

namespace IsuBench.Bench.Commands;

/// <summary>
/// <c>run --segment-from-env VAR/N</c>: the segment named by a 0-based index in an environment variable, as Kubernetes gives each
/// pod of an Indexed Job its <c>JOB_COMPLETION_INDEX</c> (deploy/kubernetes): index 0 is segment 1/N, index N-1 segment N/N.
/// </summary>
internal static class SegmentFromEnvironment
{
    /// <summary>The option's name.</summary>
    public const string OptionName = "--segment-from-env";

    /// <summary>
    /// The segment as <c>--segment</c> takes it (<c>I/N</c>) from <paramref name="text"/> (<c>VAR/N</c>) and the variable's value
    /// in <paramref name="environment"/>; null with <paramref name="error"/> saying what to fix when either is wrong.
    /// </summary>
    public static string? Resolve(string text, Func<string, string?> environment, out string? error)
    {
        error = null;
        int slash = text.LastIndexOf('/');
        string variable = slash > 0 ? text[..slash] : "";
        if (variable.Length == 0 || variable.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '_')
            || !int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1)
        {
            error = $"{OptionName} takes VAR/N, an environment variable holding a 0-based index and the number of segments "
                + $"(e.g. JOB_COMPLETION_INDEX/3), not '{text}'";
            return null;
        }
        string? value = environment(variable);
        if (value is null)
        {
            error = $"{OptionName} {text}: the environment variable {variable} is not set "
                + "(Kubernetes sets JOB_COMPLETION_INDEX in each pod of an Indexed Job; elsewhere give --segment I/N)";
            return null;
        }
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            error = $"{OptionName} {text}: {variable} is '{value}', not a 0-based index";
            return null;
        }
        if (index >= count)
        {
            error = $"{OptionName} {text}: {variable} is {index}, but the index of one of {count} segments is 0 to {count - 1} "
                + "(the Job's completions and N must agree)";
            return null;
        }
        return $"{index + 1}/{count}";
    }
}
