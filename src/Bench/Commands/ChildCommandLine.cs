using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace IsuBench.Bench.Commands;

/// <summary>
/// The command line of segment I of <c>run --processes N</c>: every option the parent was given (as given), except those the parent
/// keeps for itself, then the segment, the run's seed, the shared folder, the segment's progress file, and that it stops when the
/// parent ends.
/// </summary>
internal static class ChildCommandLine
{
    /// <summary>
    /// Options not passed on: what the parent decides for every segment (<c>--processes</c>, <c>--out</c>, <c>--seed</c>), what only
    /// the merged result has (<c>--json</c>, <c>--baseline</c>, <c>--max-drop</c>), the progress the parent shows, and the server's CPU
    /// sources, which the merge does not sum (each segment would read the same server's time).
    /// </summary>
    public static readonly IReadOnlySet<string> KeptByTheParent = new HashSet<string>(StringComparer.Ordinal)
    {
        "--processes", "--out", "--seed", "--no-progress", "--json", "--baseline", "--max-drop", "--progress-file",
        "--stop-when-stdin-closes", "--target-pid", "--target-cgroup", "--target-metrics",
    };

    /// <summary>The arguments of segment <paramref name="index"/>/<paramref name="count"/> of <paramref name="parent"/>'s run.</summary>
    public static IReadOnlyList<string> Of(ParseResult parent, int index, int count, int seed, string directory, string progressFile)
    {
        var arguments = new List<string> { parent.CommandResult.Command.Name };
        foreach (var option in parent.CommandResult.Children.OfType<OptionResult>())
        {
            if (option.Implicit || KeptByTheParent.Contains(option.Option.Name)) continue;
            // NAME=VALUE, so that a value beginning with a dash is not read as an option.
            if (option.Tokens.Count == 0) arguments.Add(option.Option.Name);
            foreach (var token in option.Tokens) arguments.Add($"{option.Option.Name}={token.Value}");
        }
        arguments.AddRange([
            $"--segment={index}/{count}", $"--seed={seed.ToString(CultureInfo.InvariantCulture)}", $"--out={directory}", "--no-progress",
            $"--progress-file={progressFile}", "--stop-when-stdin-closes",
        ]);
        return arguments;
    }
}
