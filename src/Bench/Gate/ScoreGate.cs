using System.Globalization;

namespace IsuBench.Bench.Gate;

/// <summary>
/// The CI gate's rule: a run fails the gate when it failed, or when its score is lower than the baseline's by more
/// than the allowed fraction. Exactly the allowed drop still passes. Decimal arithmetic, so 10 % of 1000 is exactly 100.
/// </summary>
public static class ScoreGate
{
    /// <summary>The default allowed drop (10 %).</summary>
    public const decimal DefaultMaxDrop = 0.10m;

    /// <summary>Compares a run (<paramref name="result"/>) with <paramref name="baseline"/>.</summary>
    public static GateOutcome Evaluate(ScoreRecord result, ScoreRecord baseline, decimal maxDrop)
    {
        if (maxDrop < 0 || maxDrop > 1) throw new ArgumentOutOfRangeException(nameof(maxDrop), maxDrop, "must lie in [0, 1]");
        if (!result.Pass)
        {
            string why = result.Messages.Count > 0 ? $": {result.Messages[0]}" + (result.Messages.Count > 1 ? $" (+{result.Messages.Count - 1} more)" : "") : "";
            return new GateOutcome(false, $"FAIL: the run failed (score {result.Score}){why}");
        }
        if (baseline.Score <= 0)
            return new GateOutcome(true, $"PASS: score {result.Score}; the baseline's score is {baseline.Score}, so there is no drop to measure");
        decimal change = (decimal)(result.Score - baseline.Score) / baseline.Score;
        string changeText = Percent(change, signed: true);
        string allowed = Percent(maxDrop, signed: false);
        if (-change > maxDrop)
            return new GateOutcome(false,
                $"REGRESSION: score {result.Score} is {Percent(-change, signed: false)} below the baseline's {baseline.Score} (allowed drop {allowed})");
        return new GateOutcome(true, $"PASS: score {result.Score} vs baseline {baseline.Score} ({changeText}, allowed drop {allowed})");
    }

    private static string Percent(decimal fraction, bool signed) =>
        (signed && fraction > 0 ? "+" : "") + (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
