using IsuBench.Checks.Rules;
using IsuBench.Integration.InitialCheck;
using Xunit.Abstractions;

namespace IsuBench.Integration.Mutants;

/// <summary>Every check can fail: for each deliberately broken behaviour, the initial check fails with the rule that behaviour breaks.</summary>
[Collection(InitialCheckCollection.Name)]
public sealed class InitialCheckMutantTests(MutantReference reference, MutantRuns runs, ITestOutputHelper output) : IClassFixture<MutantRuns>
{
    [Theory]
    [MemberData(nameof(MutantCatalog.Names), MemberType = typeof(MutantCatalog))]
    public async Task The_initial_check_fails_with_the_broken_rule(string name)
    {
        var (mutant, run, wholeSuite) = await runs.GetAsync(reference, name);
        output.WriteLine($"{(wholeSuite ? "whole suite" : "sequence only")}:\n{InitialCheckHarness.Failures(run.Result)}");

        Assert.False(run.Result.Passed);
        Assert.Contains(run.Result.Verdicts, v => v.RuleId == mutant.Breaks && !v.Passed);
        // The rule's message reaches the run's error ledger, as the result's messages.
        var rule = RuleCatalog.Find(mutant.Breaks)!;
        Assert.Contains(run.Metrics.Errors.Snapshot(), e => e.Message.StartsWith(rule.Message, StringComparison.Ordinal));
        Assert.True(run.Metrics.Errors.HasCritical, "a broken contract fails the run");
        Assert.Equal(wholeSuite ? 8 : 7, run.Result.Checks.Count);
    }

    [Fact]
    public async Task A_run_of_the_whole_suite_with_one_broken_stroke_only_fails_the_rules_of_that_stroke()
    {
        // The watcher checks of whole-suite runs never overlap, so a broken page leaves the watcher check clean.
        var (_, run, wholeSuite) = await runs.GetAsync(reference, "svg-missing-newest-stroke");
        Assert.True(wholeSuite);
        Assert.Equal([SvgRules.StrokePresent.Id], run.Result.Verdicts.Where(v => !v.Passed).Select(v => v.RuleId).Distinct());
        Assert.True(run.Result.Checks.Single(c => c.Name == "watcher-count").Passed);
    }

    [Fact]
    public void The_catalogue_holds_at_least_25_mutants_each_breaking_a_known_rule()
    {
        var mutants = MutantCatalog.CreateAll();
        Assert.True(mutants.Count >= 25, $"{mutants.Count} mutants");
        Assert.Equal(mutants.Count, mutants.Select(m => m.Name).Distinct().Count());
        Assert.All(mutants, m => Assert.NotNull(RuleCatalog.Find(m.Breaks)));
    }
}
