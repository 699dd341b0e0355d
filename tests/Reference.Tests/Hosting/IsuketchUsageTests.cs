using System.Diagnostics;
using System.Text.RegularExpressions;
using IsuBench.Reference.Hosting;
using IsuBench.Tests.Shared;

namespace IsuBench.Tests.Reference.Hosting;

/// <summary>
/// The built isuketch, run as a process: <c>--help</c>, <c>-h</c> and <c>--version</c> answer and exit 0 with no database
/// to reach, and the help and the README's list of isuketch's options name the same options and variables.
/// </summary>
public sealed partial class IsuketchUsageTests
{
    // A database that refuses at once: were the server built and started, it would exit 1 ("cannot use the database").
    private const string UnreachableMySql = "Server=127.0.0.1;Port=1;User ID=nobody;Password=none;Connection Timeout=2";

    private static async Task<(int ExitCode, string Output, string Error)> RunIsuketchAsync(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "isuketch.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing");
        var self = Environment.ProcessPath;
        var host = self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ISUKETCH_MYSQL"] = UnreachableMySql;
        foreach (var name in new[] { "MYSQL_HOST", "MYSQL_PORT", "MYSQL_USER", "MYSQL_PASS", "ASPNETCORE_URLS" }) start.Environment.Remove(name);
        // Were it to start a server after all, it must not take a port another test uses.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"isuketch {string.Join(' ', args)} did not exit: it serves instead of answering");
        }
        return (process.ExitCode, await output, await error);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_exits_0_without_a_database_and_lists_the_options(string flag)
    {
        var (exitCode, output, error) = await RunIsuketchAsync(flag);
        Assert.True(exitCode == 0, $"exit {exitCode}: {error}");
        Assert.Equal("", error);
        Assert.Contains("Usage: isuketch", output);
        Assert.Contains($"(default {ReferenceOptions.DefaultUrls}", output);
        foreach (var name in new[] { "--urls", "--profile", "--mysql", "--inject-delay", "ISUKETCH_MYSQL", "MYSQL_HOST", "MYSQL_PORT", "MYSQL_USER", "MYSQL_PASS" })
            Assert.Contains(name, output);
    }

    [Fact]
    public async Task Version_exits_0_without_a_database_and_prints_the_version()
    {
        var (exitCode, output, error) = await RunIsuketchAsync("--version");
        Assert.True(exitCode == 0, $"exit {exitCode}: {error}");
        Assert.Equal("", error);
        Assert.Matches(@"^\d+\.\d+\.\d+\S*\n$", output);
    }

    [Fact]
    public async Task Without_help_it_still_tries_the_database_and_says_so()
    {
        // The other side of the tests above: the same environment without --help does reach for the database.
        var (exitCode, _, error) = await RunIsuketchAsync();
        Assert.Equal(1, exitCode);
        Assert.Contains("cannot use the database", error);
    }

    [Fact]
    public async Task The_readme_lists_the_options_and_variables_that_help_lists()
    {
        var (_, output, _) = await RunIsuketchAsync("--help");
        Assert.Equal(Names(output).Order(), Names(ReadmeIsuketchOptions()).Order());
    }

    [Fact]
    public void Help_names_every_setting_the_server_reads()
    {
        // The keys ReferenceOptions looks up: lower-case ones come as --options, upper-case ones from the environment.
        var source = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Reference", "Hosting", "ReferenceOptions.cs"));
        var keys = ConfigurationKey().Matches(source).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Contains("urls", keys);
        var help = Names(IsuketchUsage.Help);
        foreach (var key in keys)
            Assert.Contains(key.Any(char.IsLower) ? $"--{key}" : key, help);
    }

    private static string ReadmeIsuketchOptions()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        int heading = readme.IndexOf("### Options of `isuketch`", StringComparison.Ordinal);
        Assert.True(heading >= 0, "README.md has no section \"### Options of `isuketch`\"");
        int start = readme.IndexOf("```", heading, StringComparison.Ordinal);
        int end = readme.IndexOf("```", start + 3, StringComparison.Ordinal);
        return readme[(start + 3)..end];
    }

    // Every option (-h, --urls, ...) and environment variable (MYSQL_HOST, ...) a text names.
    private static HashSet<string> Names(string text) => NameToken().Matches(text).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"(?<![\w-])(?:--?[a-z][a-z-]*|[A-Z][A-Z0-9]*_[A-Z0-9_]+)\b")]
    private static partial Regex NameToken();

    [GeneratedRegex(@"configuration\[""([^""]+)""\]")]
    private static partial Regex ConfigurationKey();
}
