using IsuBench.Bench.Reports;

namespace IsuBench.Bench.Commands;

/// <summary>
/// The line <c>run --repeat</c> prints as each run ends, and for a run that failed, why: the summary at the end shows the
/// median run's details, so a failed run other than that one would otherwise be named without its reason.
/// </summary>
internal static class RepeatProgress
{
    /// <summary>Most of a failed run's messages printed as it ends (its own result.json holds them all).</summary>
    public const int MaxMessagesShown = 5;

    /// <summary>What to print when the run labelled <paramref name="label"/> has ended with <paramref name="run"/>.</summary>
    public static string Text(string label, ResultDocument run, bool warming)
    {
        string line = $"{label}: {(run.Pass ? "PASS" : "FAIL")} score {run.Score}{(warming ? " (not counted)" : "")}{(run.Interrupted ? " [interrupted]" : "")}";
        if (run.Pass || run.Messages.Count == 0) return line;
        var reasons = run.Messages.Take(MaxMessagesShown).Select(message => $"\n  {message}");
        string more = run.Messages.Count > MaxMessagesShown ? $"\n  … {run.Messages.Count - MaxMessagesShown} more in {run.RunId}/result.json" : "";
        return line + string.Concat(reasons) + more;
    }
}
