using IsuBench.Checks.Rules;
using IsuBench.Integration.InitialCheck;
using Xunit.Abstractions;

namespace IsuBench.Integration.Mutants;

/// <summary>
/// Every check can fail: for each deliberately broken behaviour, the initial check fails with the rule that behaviour breaks.
/// Runs against both store profiles: the same faults, injected by the proxy in front of a baseline or a tuned reference.
/// </summary>
public abstract class InitialCheckMutantTests(LoadedReference reference, InitialCheckRuns runs, ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(MutantCatalog.Names), MemberType = typeof(MutantCatalog))]
    public async Task The_initial_check_fails_with_the_broken_rule(string name)
    {
        var outcome = await runs.MutantAsync(reference, name);
        var (mutant, run, wholeSuite) = outcome;
        var kind = wholeSuite ? $"whole suite, attempt {outcome.Attempts}" : "sequence only";
        output.WriteLine($"{kind}:\n{InitialCheckHarness.Failures(run.Result)}");

        Assert.False(run.Result.Passed);
        Assert.Contains(run.Result.Verdicts, v => v.RuleId == mutant.Breaks && !v.Passed);
        // The rule's message reaches the run's error ledger, as the result's messages.
        var rule = RuleCatalog.Find(mutant.Breaks)!;
        Assert.Contains(run.Metrics.Errors.Snapshot(), e => e.Message.StartsWith(rule.Message, StringComparison.Ordinal));
        Assert.True(run.Metrics.Errors.HasCritical, "a broken contract fails the run");
        Assert.Equal(wholeSuite ? 8 : 7, run.Result.Checks.Count);
    }

    [Theory]
    [InlineData("svg-missing-newest-stroke")]
    [InlineData("watcher-count-one-low")]
    [InlineData("strokes-skipped-after-reconnect")]
    [InlineData("strokes-repeated-after-reconnect")]
    public async Task A_precise_mutant_fails_its_rule_and_nothing_else_in_the_whole_suite(string name)
    {
        // No watcher check sees another run's watchers (WatcherRoomLedger): a wrong count is caught by the count rule alone,
        // repeated strokes by the strokes rule alone.
        var (mutant, run, wholeSuite) = await runs.MutantAsync(reference, name);
        Assert.True(wholeSuite);
        Assert.Equal([mutant.Breaks], run.Result.Verdicts.Where(v => !v.Passed).Select(v => v.RuleId).Distinct());
    }
}

/// <summary>The mutants in front of the baseline reference (streams that end every few seconds).</summary>
[Collection(InitialCheckCollection.Name)]
public sealed class InitialCheckMutantTestsOnBaseline(BaselineReference reference, InitialCheckRuns runs, ITestOutputHelper output)
    : InitialCheckMutantTests(reference, runs, output);

/// <summary>The mutants in front of the tuned reference (streams that stay open and push).</summary>
[Collection(TunedInitialCheckCollection.Name)]
public sealed class InitialCheckMutantTestsOnTuned(TunedReference reference, InitialCheckRuns runs, ITestOutputHelper output)
    : InitialCheckMutantTests(reference, runs, output);
