using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Scenarios.InitialCheck;

namespace IsuBench.Tests.Scenarios.InitialCheck;

public sealed class InitialCheckResultTests
{
    private static readonly Rule Critical = new("x.critical", "critical thing broke", true);
    private static readonly Rule Ordinary = new("x.ordinary", "ordinary thing broke", false);

    [Fact]
    public void Only_a_critical_failure_fails_the_result_and_a_skipped_check_only_with_strict()
    {
        var ordinaryFailure = new InitialCheckResult([new CheckOutcome("a", [Critical.Pass("r"), Ordinary.Fail("r", "e", "a")], TimeSpan.Zero)]);
        Assert.True(ordinaryFailure.Passed);
        Assert.False(ordinaryFailure.Checks[0].Passed);

        var criticalFailure = new InitialCheckResult([new CheckOutcome("a", [Critical.Fail("r", "e", "a")], TimeSpan.Zero)]);
        Assert.False(criticalFailure.Passed);

        // A skipped check carries its initial.completed failure, weighed as the run weighs it.
        InitialCheckResult Skipped(bool strict) => new([
            new CheckOutcome("a", [Critical.Pass("r")], TimeSpan.Zero),
            new CheckOutcome("b", [CompletionRules.Stopped("b", "(not run)", "gone").Weighed(strict)], TimeSpan.Zero, Skipped: true)]);
        Assert.True(Skipped(strict: false).Passed);
        Assert.False(Skipped(strict: false).Checks[1].Passed);
        Assert.False(Skipped(strict: true).Passed);
    }

    [Fact]
    public void Verdicts_are_every_check_s_in_order()
    {
        var result = new InitialCheckResult([
            new CheckOutcome("a", [Critical.Pass("1"), Ordinary.Pass("2")], TimeSpan.Zero),
            new CheckOutcome("b", [Critical.Pass("3")], TimeSpan.Zero),
        ]);
        Assert.Equal(["1", "2", "3"], result.Verdicts.Select(v => v.Evidence.Request));
    }
}
