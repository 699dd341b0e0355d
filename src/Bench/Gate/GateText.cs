using System.Globalization;
using IsuBench.Bench.Figures;

namespace IsuBench.Bench.Gate;

/// <summary>How the gate writes decisions, numbers and its printed lines.</summary>
public static class GateText
{
    /// <summary>PASS, FAIL or INCONCLUSIVE.</summary>
    public static string Word(GateDecision decision) => decision switch
    {
        GateDecision.Pass => "PASS",
        GateDecision.Fail => "FAIL",
        _ => "INCONCLUSIVE",
    };

    /// <summary>A figure's value or median, as compare writes figures.</summary>
    public static string Number(double value) =>
        double.IsPositiveInfinity(value) ? "unbounded" : FigureNumber.Text(value);

    /// <summary>A ratio to three decimals.</summary>
    public static string Ratio(double ratio) =>
        double.IsPositiveInfinity(ratio) ? "unbounded" : ratio.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A p-value to four decimals, or in scientific notation when smaller.</summary>
    public static string P(double p) =>
        p is > 0 and < 0.0001 ? p.ToString("0.0E+0", CultureInfo.InvariantCulture) : p.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A fraction in percent, e.g. "13.64 %", with a plus sign for a gain when <paramref name="signed"/>.</summary>
    public static string Percent(decimal fraction, bool signed) =>
        (signed && fraction > 0 ? "+" : "") + (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";

    /// <summary>A fraction in percent without a sign.</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";

    /// <summary>
    /// What <c>isubench gate</c> prints: the line of each figure, the figures only one side had, and the overall decision;
    /// or the reason alone when a failed run decided before any figure was compared, then the overall decision.
    /// </summary>
    public static IReadOnlyList<string> Lines(GateOutcome outcome)
    {
        var lines = new List<string>();
        if (outcome.Figures.Count == 0) lines.Add(outcome.Reason);
        lines.AddRange(outcome.Figures.Select(f => f.Line));
        if (outcome.Skipped.Count > 0) lines.Add($"skipped, not on both sides: {string.Join(", ", outcome.Skipped)}");
        lines.Add($"overall: {Word(outcome.Decision)}{(outcome.Figures.Count > 1 ? $" ({Tally(outcome.Figures)})" : "")}");
        return lines;
    }

    /// <summary>How many figures got each decision, e.g. "of 3 figures: 1 FAIL, 2 PASS".</summary>
    public static string Tally(IReadOnlyList<FigureOutcome> figures) =>
        $"of {figures.Count} figures: " + string.Join(", ",
            new[] { GateDecision.Fail, GateDecision.Inconclusive, GateDecision.Pass }
                .Select(v => (Decision: v, Count: figures.Count(f => f.Decision == v)))
                .Where(t => t.Count > 0)
                .Select(t => $"{t.Count} {Word(t.Decision)}"));
}
