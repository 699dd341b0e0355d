using System.Text.Json;
using IsuBench.Bench.Commands;
using IsuBench.Bench.Preflight;
using IsuBench.Bench.Reports;
using IsuBench.Tests.Bench.Infrastructure;

namespace IsuBench.Tests.Bench.Commands;

/// <summary>A run records the server profile its target names, beside the front end and its own version, in every file.</summary>
public sealed class ServerProfileRecordingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-server-profile-").FullName;

    [Fact]
    public async Task The_server_profile_the_target_names_is_in_result_json_and_every_report()
    {
        // Not an ISUketch server: the check fails, and still records what the target said of itself.
        await using var server = await HeaderServer.StartAsync((ServerIdentity.ProfileHeader, "tuned"), (ServerIdentity.VersionHeader, "0.9.0-test"));
        var output = new StringWriter();
        var exitCode = await BenchCommandLine.RunAsync(
            ["check", "--target", server.Origin.ToString(), "--out", _directory, "--no-progress"], output, new StringWriter());

        Assert.Equal(ExitCodes.BenchmarkFailed, exitCode);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_directory, ResultJson.FileName)));
        Assert.Equal("tuned", json.RootElement.GetProperty("server_profile").GetString());
        Assert.Equal("0.9.0-test", json.RootElement.GetProperty("server_version").GetString());
        Assert.Equal("reference", json.RootElement.GetProperty("options").GetProperty("front_end").GetString());
        const string named = "front end reference · server profile tuned (server version 0.9.0-test) · isubench ";
        Assert.Contains(named + BenchVersion.Current, output.ToString());
        Assert.Contains("- front end reference, server profile tuned (server version 0.9.0-test), isubench " + BenchVersion.Current,
            await File.ReadAllTextAsync(Path.Combine(_directory, MarkdownSummary.FileName)));
        Assert.Contains("server profile tuned", await File.ReadAllTextAsync(Path.Combine(_directory, HtmlReport.FileName)));
        Assert.Contains("name=\"server_profile\" value=\"tuned\"", await File.ReadAllTextAsync(Path.Combine(_directory, JUnitXml.FileName)));
    }

    [Fact]
    public async Task A_target_that_does_not_say_leaves_the_server_profile_null()
    {
        await using var server = await HeaderServer.StartAsync();
        var output = new StringWriter();
        await BenchCommandLine.RunAsync(["check", "--target", server.Origin.ToString(), "--out", _directory, "--no-progress"], output, new StringWriter());

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_directory, ResultJson.FileName)));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("server_profile").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("server_version").ValueKind);
        Assert.Contains("front end reference · server profile not reported · isubench ", output.ToString());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
