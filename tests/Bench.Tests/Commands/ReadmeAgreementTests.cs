using System.CommandLine;
using System.Text.RegularExpressions;
using IsuBench.Bench.Commands;
using IsuBench.Tests.Shared;

namespace IsuBench.Tests.Bench.Commands;

/// <summary><c>isubench --help</c> and the README's table of commands, and <c>isubench run --help</c> and its list of options, must agree.</summary>
public sealed partial class ReadmeAgreementTests
{
    /// <summary>The README's option lines of a command: option name → the rest of its line.</summary>
    private static Dictionary<string, string> ReadmeOptions(string command)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        int heading = readme.IndexOf($"### Options of `isubench {command}`", StringComparison.Ordinal);
        Assert.True(heading >= 0, $"README.md has no section \"### Options of `isubench {command}`\"");
        int start = readme.IndexOf("```", heading, StringComparison.Ordinal);
        int end = readme.IndexOf("```", start + 3, StringComparison.Ordinal);
        return readme[(start + 3)..end].Split('\n')
            .Select(line => OptionLine().Match(line))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
    }

    private static IReadOnlyList<Option> HelpOptions(string command) =>
        BenchCommandLine.Build().Subcommands.Single(c => c.Name == command).Options
            .Where(o => !o.Hidden && !o.Name.StartsWith("-h", StringComparison.Ordinal) && o.Name != "--help" && o.Name != "-?")
            .ToList();

    [Fact]
    public void Every_run_option_is_in_the_readme_and_every_readme_option_exists()
    {
        var readme = ReadmeOptions("run");
        var help = HelpOptions("run").Select(o => o.Name).ToList();
        Assert.Equal(help.Order(), readme.Keys.Order());
    }

    [Fact]
    public void The_readme_states_the_defaults_that_help_states()
    {
        var readme = ReadmeOptions("run");
        foreach (var option in HelpOptions("run").Where(o => o.HasDefaultValue && o.ValueType != typeof(bool)))
        {
            var value = Convert.ToString(option.GetDefaultValue(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains($"(default {value})", readme[option.Name]);
        }
    }

    [Fact]
    public async Task Run_help_lists_the_same_options()
    {
        var output = new StringWriter();
        var exitCode = await BenchCommandLine.RunAsync(["run", "--help"], output, new StringWriter());
        Assert.Equal(ExitCodes.Pass, exitCode);
        var listed = HelpLine().Matches(output.ToString()).Select(m => m.Groups[1].Value).Where(n => n != "--help").ToHashSet();
        Assert.Equal(ReadmeOptions("run").Keys.Order(), listed.Order());
    }

    [Fact]
    public void Every_command_is_in_the_readme_table_and_every_row_names_a_command()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        int heading = readme.IndexOf("## The isubench command", StringComparison.Ordinal);
        Assert.True(heading >= 0, "README.md has no section \"## The isubench command\"");
        var section = readme[heading..readme.IndexOf("\n### ", heading, StringComparison.Ordinal)];
        var rows = TableRowCommand().Matches(section).Select(m => m.Groups[1].Value).ToHashSet();
        var commands = BenchCommandLine.Build().Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToHashSet();
        Assert.Equal(commands.Order(), rows.Order());
    }

    [GeneratedRegex(@"(?m)^\| `isubench ([a-z]+)")]
    private static partial Regex TableRowCommand();

    [GeneratedRegex(@"^(--[a-z-]+)\s+(.*)$")]
    private static partial Regex OptionLine();

    [GeneratedRegex(@"(?m)^\s+(?:-\S+, )*(--[a-z-]+)")]
    private static partial Regex HelpLine();
}
