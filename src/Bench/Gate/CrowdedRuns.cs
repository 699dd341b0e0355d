namespace IsuBench.Bench.Gate;

/// <summary>
/// Results measured on a crowded machine are no evidence of a regression (<see cref="Cost.CrowdedMachine"/>): a figure
/// the statistics would fail on them is inconclusive instead, and its line says why. Crowded baselines excuse nothing,
/// as they can only make the results look better.
/// </summary>
internal static class CrowdedRuns
{
    /// <summary><paramref name="outcomes"/>, each FAIL made INCONCLUSIVE when a run of <paramref name="results"/> was crowded.</summary>
    public static IReadOnlyList<FigureOutcome> Excuse(IReadOnlyList<FigureOutcome> outcomes, IReadOnlyList<ScoreRecord> results)
    {
        var crowded = results.Where(r => r.Crowded is not null).ToList();
        if (crowded.Count == 0) return outcomes;
        string why = $"it would FAIL, but {crowded.Count} of {results.Count} result run{(results.Count == 1 ? "" : "s")} "
                     + $"ran on a crowded machine ({crowded[0].Crowded}): no evidence of a regression";
        return outcomes.Select(o => o.Decision != GateDecision.Fail ? o : o with
        {
            Decision = GateDecision.Inconclusive,
            // The line's first word is the decision (FAIL, or REGRESSION for one number against one number).
            Line = $"{GateText.Word(GateDecision.Inconclusive)}{o.Line[o.Line.IndexOf(':', StringComparison.Ordinal)..]}; {why}",
            FailedOnCrowdedMachine = true,
        }).ToList();
    }
}
