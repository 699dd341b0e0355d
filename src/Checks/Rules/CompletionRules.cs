using IsuBench.Checks.Verdicts;

namespace IsuBench.Checks.Rules;

/// <summary>
/// Whether each step of the initial check got to check what it is for. The original benchmark silently gave up a step whose
/// request failed (the failure itself is an ordinary error); IsuBench says so: a warning, critical with <c>--strict</c>.
/// </summary>
public static class CompletionRules
{
    /// <summary>The step reached its own rules (a request it needed did not fail first, and the target kept answering).</summary>
    public static readonly Rule Completed = new("initial.completed", "A step of the initial check could not be completed", true) { Addition = true };

    /// <summary>A failed verdict: the step stopped at <paramref name="request"/> because of <paramref name="what"/>.</summary>
    public static Verdict Stopped(string step, string request, string what) =>
        Completed.Fail(request, $"the {step} step completed", what);
}
