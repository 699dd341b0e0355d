using System.Globalization;

namespace IsuBench.Bench.Gate;

/// <summary>
/// The CI gate's rule: runs fail the gate when one of them failed, or when their score is lower than the baseline's by
/// more than the allowed fraction. Exactly the allowed drop still passes. Given several runs or baselines, the gate
/// compares medians, so that one noisy run on a shared machine neither fails nor passes a build on its own.
/// Decimal arithmetic, so 10 % of 1000 is exactly 100.
/// </summary>
public static class ScoreGate
{
    /// <summary>The default allowed drop (10 %).</summary>
    public const decimal DefaultMaxDrop = 0.10m;

    /// <summary>Compares a run (<paramref name="result"/>) with <paramref name="baseline"/>.</summary>
    public static GateOutcome Evaluate(ScoreRecord result, ScoreRecord baseline, decimal maxDrop) => Evaluate([result], [baseline], maxDrop);

    /// <summary>Compares the median score of <paramref name="results"/> with the median of <paramref name="baselines"/>; every run must have passed.</summary>
    public static GateOutcome Evaluate(IReadOnlyList<ScoreRecord> results, IReadOnlyList<ScoreRecord> baselines, decimal maxDrop)
    {
        if (maxDrop < 0 || maxDrop > 1) throw new ArgumentOutOfRangeException(nameof(maxDrop), maxDrop, "must lie in [0, 1]");
        if (results.Count == 0) throw new ArgumentException("at least one result is needed", nameof(results));
        if (baselines.Count == 0) throw new ArgumentException("at least one baseline is needed", nameof(baselines));
        for (int i = 0; i < results.Count; i++)
        {
            var run = results[i];
            if (run.Pass) continue;
            string which = results.Count == 1 ? "the run" : $"run {i + 1} of {results.Count}";
            string why = run.Messages.Count > 0 ? $": {run.Messages[0]}" + (run.Messages.Count > 1 ? $" (+{run.Messages.Count - 1} more)" : "") : "";
            return new GateOutcome(false, $"FAIL: {which} failed (score {run.Score}){why}");
        }
        long score = Median(results);
        long reference = Median(baselines);
        string scoreText = results.Count == 1 ? $"score {score}" : $"median score {score} of {results.Count} runs ({Scores(results)})";
        string referenceText = baselines.Count == 1 ? $"{reference}" : $"median {reference} of {baselines.Count} ({Scores(baselines)})";
        if (reference <= 0)
            return new GateOutcome(true, $"PASS: {scoreText}; the baseline's score is {referenceText}, so there is no drop to measure");
        decimal change = (decimal)(score - reference) / reference;
        string allowed = Percent(maxDrop, signed: false);
        if (-change > maxDrop)
            return new GateOutcome(false,
                $"REGRESSION: {scoreText} is {Percent(-change, signed: false)} below the baseline's {referenceText} (allowed drop {allowed})");
        return new GateOutcome(true, $"PASS: {scoreText} vs baseline {referenceText} ({Percent(change, signed: true)}, allowed drop {allowed})");
    }

    /// <summary>The middle score; for an even count the mean of the two middle ones, rounded down.</summary>
    public static long Median(IReadOnlyList<ScoreRecord> records)
    {
        var sorted = records.Select(r => r.Score).Order().ToArray();
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1
            ? sorted[middle]
            : (long)Math.Floor(((decimal)sorted[middle - 1] + sorted[middle]) / 2);
    }

    private static string Scores(IReadOnlyList<ScoreRecord> records) => string.Join(", ", records.Select(r => r.Score));

    private static string Percent(decimal fraction, bool signed) =>
        (signed && fraction > 0 ? "+" : "") + (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
