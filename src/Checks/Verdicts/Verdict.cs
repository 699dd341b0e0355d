namespace IsuBench.Checks.Verdicts;

/// <summary>The outcome of applying one rule to one response.</summary>
/// <param name="RuleId">The stable identifier of the rule, e.g. <c>tokens.refreshed</c>.</param>
/// <param name="Passed">Whether the response satisfied the rule.</param>
/// <param name="Message">The rule's human message (what is wrong when it failed).</param>
/// <param name="Critical">Whether a failure makes the whole run fail.</param>
/// <param name="Evidence">The request, the expectation and what came back.</param>
public sealed record Verdict(string RuleId, bool Passed, string Message, bool Critical, Evidence Evidence)
{
    /// <summary>True when this verdict failed and its rule is critical.</summary>
    public bool FailedCritically => !Passed && Critical;

    /// <summary>One line for logs and the check command: status, rule, message and evidence.</summary>
    public override string ToString() => Passed
        ? $"PASS {RuleId} [{Evidence.Request}]"
        : $"{(Critical ? "FAIL(critical)" : "FAIL")} {RuleId}: {Message} [{Evidence.Request}] expected: {Evidence.Expected}; got: {Evidence.Actual}";
}
