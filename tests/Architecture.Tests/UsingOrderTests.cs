using System.Text.RegularExpressions;
using IsuBench.Tests.Shared;

namespace IsuBench.Tests.Architecture;

/// <summary>
/// The order of usings .editorconfig asks for (System first, then the rest, each sorted), which neither the build's
/// code-style rules nor `dotnet format whitespace` check: only a full `dotnet format` pass would, at the cost of a second
/// compile in CI.
/// </summary>
public sealed partial class UsingOrderTests
{
    [Fact]
    public void Every_source_file_orders_its_usings_system_first_then_sorted()
    {
        var unordered = SourceFiles().Where(file => !IsOrdered(Usings(File.ReadLines(file)))).ToList();
        Assert.True(unordered.Count == 0, "usings out of order (System first, then sorted):\n  " + string.Join("\n  ", unordered));
    }

    [Theory]
    [InlineData("using System.Text;\nusing System.Collections;\nnamespace A;", false)]
    [InlineData("using Xunit;\nusing System.Text;\nnamespace A;", false)]
    [InlineData("using System.Collections;\nusing System.Text;\nusing IsuBench.Checks;\nusing Xunit;\nnamespace A;", true)]
    public void An_unordered_list_is_found(string source, bool ordered) => Assert.Equal(ordered, IsOrdered(Usings(source.Split('\n'))));

    private static IEnumerable<string> SourceFiles() =>
        new[] { "src", "tests" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    // The plain usings at the top of a file (not static ones nor aliases, which come after them), up to the first declaration.
    private static List<string> Usings(IEnumerable<string> lines) =>
        lines.TakeWhile(line => !line.StartsWith("namespace", StringComparison.Ordinal) && !line.StartsWith('['))
            .Select(line => PlainUsing().Match(line)).Where(match => match.Success).Select(match => match.Groups[1].Value).ToList();

    private static bool IsOrdered(List<string> usings) =>
        usings.SequenceEqual(usings.OrderBy(name => name == "System" || name.StartsWith("System.", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(name => name, StringComparer.OrdinalIgnoreCase));

    [GeneratedRegex(@"^using ([A-Za-z0-9_.]+);\s*$")]
    private static partial Regex PlainUsing();
}
