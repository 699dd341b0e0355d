using IsuBench.Bench.Commands;
using IsuBench.Bench.Reports;
using IsuBench.Integration.Infrastructure;
using IsuBench.Integration.Tuned;
using IsuBench.Tests.Shared;

namespace IsuBench.Integration.Bench;

/// <summary>
/// The .NET tool packages as a user meets them: <c>dotnet pack</c> of this build, <c>dotnet tool install</c> into a
/// temporary tool path, then only the installed commands: <c>isubench</c> loads the data set, <c>isuketch</c> serves
/// it, and <c>isubench check</c> passes it.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-tool-").FullName;

    [Fact]
    public async Task The_packed_tools_install_into_a_tool_path_and_check_the_installed_reference()
    {
        var packages = Path.Combine(_directory, "packages");
        var tools = Path.Combine(_directory, "tools");
        // The database is the shared server's: made while the packs run, as nothing of the packages goes into it.
        var database = SharedMariaDb.CreateDatabaseAsync("tool_" + Guid.NewGuid().ToString("N")[..16]);
        // --no-build: the packages hold exactly the build these tests run against. The two packs, then the two installs,
        // side by side: each mostly waits for its own dotnet process to start and restore.
        var packs = await Task.WhenAll(new[] { "src/Bench", "src/Reference" }.Select(project =>
            MustSucceedAsync(
                "dotnet", "pack", Path.Combine(RepositoryRoot.Path, project), "-c", Configuration, "--no-build", "-o", packages)));
        Assert.All(packs, packed => Assert.DoesNotContain("missing a readme", packed)); // each package has its own README.md
        await Task.WhenAll(new[] { "isubench", "isuketch" }.Select(tool =>
            MustSucceedAsync(
                "dotnet", "tool", "install", "--tool-path", tools, "--add-source", packages, "--ignore-failed-sources", tool)));
        string isubench = Path.Combine(tools, "isubench");
        string isuketch = Path.Combine(tools, "isuketch");

        // The installed commands side by side, each a process of its own that mostly starts: what each prints is checked
        // alone. 150 rooms: enough for the initial check (it needs 100 rooms with strokes), quicker to load than 1000.
        string connectionString = await database;
        var version = MustSucceedAsync(isubench, "--version");
        var help = MustSucceedAsync(isubench, "--help");
        var serverVersion = MustSucceedAsync(isuketch, "--version");
        var serverHelp = MustSucceedAsync(isuketch, "--help");
        var dataInit = MustSucceedAsync(isubench, "data", "init", "--mysql", connectionString, "--rooms", "150");
        await Task.WhenAll(version, help, serverVersion, serverHelp, dataInit);

        // This build's version, commit included: not an older package of the same number from a cache.
        Assert.Equal(BenchVersion.Current, (await version).Trim());
        foreach (var command in new[] { "run", "check", "gate", "data", "demo" })
            Assert.Matches($@"(?m)^\s+{command}\b", await help);

        // The installed server answers --help and --version without a database.
        Assert.Equal(BenchVersion.Current, (await serverVersion).Trim());
        Assert.Contains("--mysql", await serverHelp);

        await using var server = await ServerProcess.StartCommandAsync(
            isuketch, [], "tuned", connectionString, TimeSpan.FromSeconds(60));

        var check = await MustSucceedAsync(isubench, "check", "--target", server.BaseAddress.GetLeftPart(UriPartial.Authority), "--no-progress");
        Assert.Contains("[initial check only]", check);
        Assert.DoesNotContain("FAIL", check);
    }

    private async Task<string> MustSucceedAsync(string fileName, params string[] arguments)
    {
        var (exitCode, output, error) = await ChildProcess.RunAsync(fileName, arguments, CommandTimeout, _directory);
        Assert.True(exitCode == 0, $"{Path.GetFileName(fileName)} {string.Join(' ', arguments)}: exit {exitCode}\n{output}\n{error}");
        return output;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
