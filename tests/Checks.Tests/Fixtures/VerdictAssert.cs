using IsuBench.Checks.Verdicts;

namespace IsuBench.Tests.Checks.Fixtures;

/// <summary>Assertions on verdicts that spell out the expected id, message and criticality literally.</summary>
internal static class VerdictAssert
{
    public static void Passed(Verdict verdict, string ruleId)
    {
        Assert.True(verdict.Passed, verdict.ToString());
        Assert.Equal(ruleId, verdict.RuleId);
    }

    public static void Failed(Verdict verdict, string ruleId, string message, bool critical)
    {
        Assert.False(verdict.Passed, $"expected {ruleId} to fail");
        Assert.Equal(ruleId, verdict.RuleId);
        Assert.Equal(message, verdict.Message);
        Assert.Equal(critical, verdict.Critical);
    }

    /// <summary>The single failing verdict of a composite check.</summary>
    public static Verdict OnlyFailure(IReadOnlyList<Verdict> verdicts)
    {
        var failures = verdicts.Failures();
        Assert.True(failures.Count == 1, "failures: " + string.Join(" | ", failures));
        return failures[0];
    }

    public static void AllPassed(IReadOnlyList<Verdict> verdicts)
    {
        Assert.NotEmpty(verdicts);
        Assert.True(verdicts.AllPassed(), string.Join(" | ", verdicts.Failures()));
    }
}
