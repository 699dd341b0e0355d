using IsuBench.Bench.Gate;
using IsuBench.Bench.Statistics;
using Perfolizer.Mathematics.Common;

namespace IsuBench.Tests.Bench.Gate;

public sealed class DecisionCriterionTests
{
    private static GateDecision Decide(double p, double lower, double upper) =>
        DecisionCriterion.Decide(new RankTestResult(0, p, Exact: true), new ConfidenceInterval((lower + upper) / 2, lower, upper, 0.95), GateSettings.Default);

    [Theory]
    [InlineData(0.01, 0.80, 0.89, GateDecision.Fail)]          // worse, and the whole interval below 0.9
    [InlineData(0.01, 0.80, 0.90, GateDecision.Inconclusive)]  // the upper end touches 0.9: not wholly below
    [InlineData(0.05, 0.80, 0.89, GateDecision.Inconclusive)]  // p not below 1 − 0.95
    [InlineData(0.30, 0.90, 1.10, GateDecision.Pass)]          // lower end exactly at 0.9 passes
    [InlineData(0.001, 0.95, 0.99, GateDecision.Pass)]         // significantly worse, but within the allowance
    [InlineData(0.30, 0.85, 1.05, GateDecision.Inconclusive)]  // straddles 0.9
    public void The_rule_needs_both_tests_to_fail_and_the_interval_alone_to_pass(double p, double lower, double upper, GateDecision decision) =>
        Assert.Equal(decision, Decide(p, lower, upper));
}
