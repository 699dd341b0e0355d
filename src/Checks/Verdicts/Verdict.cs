namespace IsuBench.Checks.Verdicts;

/// <summary>The outcome of applying one rule to one response.</summary>
/// <param name="RuleId">The stable identifier of the rule, e.g. <c>tokens.refreshed</c>.</param>
/// <param name="Passed">Whether the response satisfied the rule.</param>
/// <param name="Message">The rule's human message (what is wrong when it failed).</param>
/// <param name="Critical">Whether a failure makes the whole run fail.</param>
/// <param name="Evidence">The request, the expectation and what came back.</param>
public sealed record Verdict(string RuleId, bool Passed, string Message, bool Critical, Evidence Evidence)
{
    /// <summary>True when the rule is an IsuBench addition, not something the original benchmark enforced.</summary>
    public bool Addition { get; init; }

    /// <summary>True when an error message of this verdict names what came back (<see cref="Rule.NamesActual"/>).</summary>
    public bool NamesActual { get; init; }

    /// <summary>True when this verdict failed and its rule is critical.</summary>
    public bool FailedCritically => !Passed && Critical;

    /// <summary>True when this verdict failed an addition that is not critical: reported, but the response still counts.</summary>
    public bool IsWarning => !Passed && Addition && !Critical;

    /// <summary>This verdict as the run weighs it: outside <c>--strict</c> an addition never fails the run.</summary>
    public Verdict Weighed(bool strict) => Addition && Critical && !strict ? this with { Critical = false } : this;

    /// <summary>One line for logs and the check command: status, rule, message and evidence.</summary>
    public override string ToString() => Passed
        ? $"PASS {RuleId} [{Evidence.Request}]"
        : $"{(Critical ? "FAIL(critical)" : IsWarning ? "WARN" : "FAIL")} {RuleId}: {Message} [{Evidence.Request}] expected: {Evidence.Expected}; got: {Evidence.Actual}";
}
