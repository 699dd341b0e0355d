namespace IsuBench.Checks.Verdicts;

/// <summary>Summaries over the verdicts of a composite check (one check, several rules).</summary>
public static class VerdictList
{
    /// <summary>True when every verdict passed.</summary>
    public static bool AllPassed(this IEnumerable<Verdict> verdicts) => verdicts.All(v => v.Passed);

    /// <summary>The verdicts that failed, in order.</summary>
    public static IReadOnlyList<Verdict> Failures(this IEnumerable<Verdict> verdicts) => verdicts.Where(v => !v.Passed).ToList();

    /// <summary>True when any verdict failed a critical rule.</summary>
    public static bool AnyCritical(this IEnumerable<Verdict> verdicts) => verdicts.Any(v => v.FailedCritically);
}
