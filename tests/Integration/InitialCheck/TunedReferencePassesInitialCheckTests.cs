using Xunit.Abstractions;

namespace IsuBench.Integration.InitialCheck;

/// <summary>The tuned reference (push streams, caches) passes every check of the initial check too.</summary>
[Collection(TunedInitialCheckCollection.Name)]
public sealed class TunedReferencePassesInitialCheckTests(TunedReference reference, InitialCheckRuns runs, ITestOutputHelper output)
{
    [Fact]
    public async Task The_tuned_reference_passes_every_check()
    {
        var run = await runs.CleanAsync(reference);
        foreach (var check in run.Result.Checks)
            output.WriteLine($"{check.Name}: {check.Verdicts.Count} verdicts, {check.Duration.TotalSeconds:0.00} s");

        CleanRun.AssertPassedEveryCheck(run);
    }

    [Fact]
    public async Task The_tuned_reference_passes_through_the_faithful_proxy()
    {
        // The mutants run through this proxy; relaying open, pushed streams must not break anything by itself.
        var run = await runs.CleanThroughProxyAsync(reference);
        CleanRun.AssertPassedEveryCheck(run);
    }
}
