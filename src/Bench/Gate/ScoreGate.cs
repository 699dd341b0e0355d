namespace IsuBench.Bench.Gate;

/// <summary>
/// The CI gate: runs fail it when one of them failed; otherwise each figure both sides have is judged, statistically
/// when both sides have several runs (<see cref="StatisticalComparison"/>), else one median against the other
/// (<see cref="SingleNumberComparison"/>). Overall it fails when any figure fails, is inconclusive when any figure is,
/// and passes otherwise. Results that ran on a crowded machine fail no figure (<see cref="CrowdedRuns"/>).
/// </summary>
internal static class ScoreGate
{
    /// <summary>The default allowed drop (10 %).</summary>
    public const decimal DefaultMaxDrop = 0.10m;

    /// <summary>Compares a run (<paramref name="result"/>) with <paramref name="baseline"/>.</summary>
    public static GateOutcome Evaluate(ScoreRecord result, ScoreRecord baseline, decimal maxDrop) => Evaluate([result], [baseline], maxDrop);

    /// <summary>Compares <paramref name="results"/> with <paramref name="baselines"/> at the default confidence.</summary>
    public static GateOutcome Evaluate(IReadOnlyList<ScoreRecord> results, IReadOnlyList<ScoreRecord> baselines, decimal maxDrop)
    {
        if (maxDrop < 0 || maxDrop > 1) throw new ArgumentOutOfRangeException(nameof(maxDrop), maxDrop, "must lie in [0, 1]");
        return Evaluate(results, baselines, GateSettings.Default with { MaxDrop = maxDrop });
    }

    /// <summary>
    /// Compares the runs of <paramref name="results"/> with those of <paramref name="baselines"/>; every result run must
    /// have passed.
    /// </summary>
    /// <exception cref="GateInputException">No figure is on both sides, or the sides disagree on which way a figure improves.</exception>
    public static GateOutcome Evaluate(IReadOnlyList<ScoreRecord> results, IReadOnlyList<ScoreRecord> baselines, GateSettings settings)
    {
        settings.Validate();
        if (results.Count == 0) throw new ArgumentException("at least one result is needed", nameof(results));
        if (baselines.Count == 0) throw new ArgumentException("at least one baseline is needed", nameof(baselines));
        if (FirstFailure(results) is { } failure) return new GateOutcome(GateDecision.Fail, failure);

        var resultRuns = results.SelectMany(r => r.Samples).ToList();
        var (figures, skipped) = FigurePairing.Pair(resultRuns, baselines.SelectMany(b => b.Samples).ToList());
        var outcomes = CrowdedRuns.Excuse(figures
            .Select(f => f.Candidates.Count > 1 && f.Baselines.Count > 1
                ? StatisticalComparison.Compare(f, settings.For(f.Name))
                : SingleNumberComparison.Compare(f, settings.For(f.Name)))
            .ToList(), resultRuns);
        var decision = outcomes.Any(o => o.Decision == GateDecision.Fail) ? GateDecision.Fail
            : outcomes.Any(o => o.Decision == GateDecision.Inconclusive) ? GateDecision.Inconclusive
            : GateDecision.Pass;
        string reason = outcomes.Count == 1 ? outcomes[0].Line : $"{GateText.Word(decision)}: {GateText.Tally(outcomes)}";
        return new GateOutcome(decision, reason) { Figures = outcomes, Skipped = skipped };
    }

    // The first failed result run, named by its place among all result runs; then a file that failed although its
    // runs passed (say, the reset between them).
    private static string? FirstFailure(IReadOnlyList<ScoreRecord> results)
    {
        var runs = results.SelectMany(r => r.Samples).ToList();
        for (int i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            if (run.Pass) continue;
            string which = runs.Count == 1 ? "the run" : $"run {i + 1} of {runs.Count}";
            if (run.RunId is { } id) which += $" ({id}{(run.Source is { } source ? $" in {source}" : "")})";
            return $"FAIL: {which} failed (score {run.Score}){Why(run)}";
        }
        return results.FirstOrDefault(r => !r.Pass) is { } file
            ? $"FAIL: {file.Source ?? "a result"} failed (score {file.Score}){Why(file)}"
            : null;
    }

    private static string Why(ScoreRecord run) =>
        run.Messages.Count > 0 ? $": {run.Messages[0]}" + (run.Messages.Count > 1 ? $" (+{run.Messages.Count - 1} more)" : "") : "";
}
