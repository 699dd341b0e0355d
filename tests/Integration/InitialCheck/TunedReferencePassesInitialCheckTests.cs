using System.Diagnostics;
using IsuBench.Integration.Mutants;
using IsuBench.Scenarios.InitialCheck;
using Xunit.Abstractions;

namespace IsuBench.Integration.InitialCheck;

/// <summary>The tuned reference (push streams, caches) passes every check of the initial check too.</summary>
[Collection(TunedInitialCheckCollection.Name)]
public sealed class TunedReferencePassesInitialCheckTests(TunedReference reference, ITestOutputHelper output)
{
    [Fact]
    public async Task The_tuned_reference_passes_every_check()
    {
        var watch = Stopwatch.StartNew();
        var run = await reference.RunWholeSuiteAsync(reference.BaseAddress, new InitialCheckOptions { Seed = 42 });
        output.WriteLine($"initial check against the tuned reference (and the quiet time after it): {watch.Elapsed.TotalSeconds:0.0} s");
        foreach (var check in run.Result.Checks) output.WriteLine($"{check.Name}: {check.Verdicts.Count} verdicts, {check.Duration.TotalSeconds:0.00} s");

        CleanRun.AssertPassedEveryCheck(run);
    }

    [Fact]
    public async Task The_tuned_reference_passes_through_the_faithful_proxy()
    {
        // The mutants run through this proxy; relaying open, pushed streams must not break anything by itself.
        await using var proxy = await FaultInjectingProxy.StartAsync(reference.BaseAddress, mutant: null);
        var run = await reference.RunWholeSuiteAsync(proxy.BaseAddress, new InitialCheckOptions { Seed = 7 });
        CleanRun.AssertPassedEveryCheck(run);
    }
}
