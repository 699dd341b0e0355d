using IsuBench.Bench.Gate;

namespace IsuBench.Bench.Reports;

/// <summary>
/// A run compared with a baseline file: the gate's outcome, and whether it is part of the run's outcome (<c>demo
/// --baseline</c>: asked for, so it decides) or only junit.xml's score-gate case (<c>run</c>, whose exit code the
/// separate <c>isubench gate</c> step owns). The terminal, summary.md, report.html and the exit code take the outcome
/// from <see cref="DecisionOf"/>, so that none of them says PASS while another says FAIL.
/// </summary>
public sealed record BaselineComparison(string Baseline, GateOutcome Outcome, bool Decides)
{
    /// <summary>
    /// The outcome of <paramref name="result"/>: FAIL when the run failed; otherwise the comparison's decision when it
    /// decides; otherwise PASS.
    /// </summary>
    public static GateDecision DecisionOf(ResultDocument result, BaselineComparison? comparison) =>
        !result.Pass ? GateDecision.Fail
        : comparison is { Decides: true } deciding ? deciding.Outcome.Decision
        : GateDecision.Pass;

    /// <summary>PASS, FAIL or INCONCLUSIVE: the word every output of the run leads with.</summary>
    public static string WordOf(ResultDocument result, BaselineComparison? comparison) => GateText.Word(DecisionOf(result, comparison));

    /// <summary>The one line that says what the comparison found and whether it counts.</summary>
    public string Line => Decides
        ? $"compared with the baseline {Baseline}: {Outcome.Reason}"
        : $"junit.xml's score gate against {Baseline} (not part of the run's outcome; `isubench gate` decides): {Outcome.Reason}";
}
