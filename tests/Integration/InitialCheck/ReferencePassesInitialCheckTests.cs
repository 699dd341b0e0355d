using System.Text.Json;
using IsuBench.Checks.Rules;
using IsuBench.Engine.Metrics;
using IsuBench.Scenarios.InitialCheck;
using Xunit.Abstractions;

namespace IsuBench.Integration.InitialCheck;

/// <summary>The unbroken reference (baseline profile, full data set) passes every check of the initial check, directly and through the faithful proxy.</summary>
[Collection(InitialCheckCollection.Name)]
public sealed class ReferencePassesInitialCheckTests(BaselineReference reference, InitialCheckRuns runs, ITestOutputHelper output)
{
    [Fact]
    public async Task The_reference_passes_every_check()
    {
        var run = await runs.CleanAsync(reference);
        foreach (var check in run.Result.Checks)
            output.WriteLine($"{check.Name}: {check.Verdicts.Count} verdicts, {check.Duration.TotalSeconds:0.00} s");

        CleanRun.AssertPassedEveryCheck(run);
    }

    [Fact]
    public async Task The_reference_passes_through_the_faithful_proxy()
    {
        var run = await runs.CleanThroughProxyAsync(reference);
        Assert.True(run.Result.Passed, InitialCheckHarness.Failures(run.Result));
        Assert.All(run.Result.Checks, c => Assert.True(c.Passed, c.Name));
    }

    [Fact]
    public async Task An_assets_manifest_file_replaces_the_expected_hashes()
    {
        using var http = new HttpClient { BaseAddress = reference.BaseAddress };
        var shipped = await http.GetStringAsync("/assets-manifest.json");
        var file = Path.Combine(Path.GetTempPath(), $"assets-manifest-{Guid.NewGuid():N}.json");
        try
        {
            await File.WriteAllTextAsync(file, shipped);
            var right = await RunStaticFilesAsync(await AssetsManifestFile.ReadAsync(file, CancellationToken.None));
            Assert.True(right.Result.Passed, InitialCheckHarness.Failures(right.Result));
            Assert.Equal(3, right.Result.Verdicts.Count(v => v.RuleId == StaticFileRules.Hash.Id && v.Passed));

            // A rebuilt front end serves other bytes: with the manifest of another build, the bundle fails.
            var other = JsonSerializer.Deserialize<Dictionary<string, string>>(shipped)!;
            other["/bundle.js"] = other["/bundle.js"].StartsWith('0') ? "1" + other["/bundle.js"][1..] : "0" + other["/bundle.js"][1..];
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(other));
            var wrong = await RunStaticFilesAsync(await AssetsManifestFile.ReadAsync(file, CancellationToken.None));
            Assert.False(wrong.Result.Passed);
            Assert.Equal(["GET /bundle.js"], wrong.Result.Verdicts.Where(v => !v.Passed).Select(v => v.Evidence.Request));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private Task<InitialCheckHarness.Run> RunStaticFilesAsync(IReadOnlyDictionary<string, string> manifest) =>
        InitialCheckHarness.RunAsync(reference.BaseAddress, new InitialCheckOptions
        {
            AssetsManifestOverride = manifest,
            OnlyChecks = new HashSet<string> { InitialCheckNames.StaticFiles },
        });

    [Fact]
    public async Task The_reference_fails_the_static_files_of_the_isucon6f_profile()
    {
        // The reference's own front end is not the original React one: its bundle's MD5 differs from the original's.
        var options = new InitialCheckOptions { FrontEnd = "isucon6f", OnlyChecks = new HashSet<string> { InitialCheckNames.StaticFiles } };
        var run = await InitialCheckHarness.RunAsync(reference.BaseAddress, options);
        Assert.False(run.Result.Passed);
        Assert.Contains(run.Result.Verdicts, v => v.RuleId == StaticFileRules.Hash.Id && !v.Passed && v.Evidence.Request == "GET /bundle.js");
        Assert.Contains(run.Metrics.Errors.Snapshot(), e => e.Kind == ErrorKind.Critical);
    }
}
