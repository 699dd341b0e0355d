using System.Globalization;

using IsuBench.Bench.Figures;

namespace IsuBench.Bench.Compare;

/// <summary>How every compare report writes figures: medians, ranges and variation over runs, changes, error tallies.</summary>
public static class FigureText
{
    /// <summary>The cell of a side that has no value.</summary>
    public const string Missing = "—";

    /// <summary>A number as every report writes it (<see cref="FigureNumber"/>).</summary>
    public static string Number(double value) => FigureNumber.Text(value);

    /// <summary>The side's median, or <see cref="Missing"/>.</summary>
    public static string Median(SideFigure side) => side.Spread is { } s ? Number(s.Median) : Missing;

    /// <summary>min–max over the side's runs; empty for a single run.</summary>
    public static string Range(SideFigure side) =>
        side.Spread is { Runs: > 1 } s ? $"{Number(s.Min)}–{Number(s.Max)}" : "";

    /// <summary>The coefficient of variation in percent; empty when it is undefined (one run, zero mean).</summary>
    public static string Variation(SideFigure side) =>
        side.Spread?.CoefficientOfVariation is { } cv ? $"{Number(cv * 100)} %" : "";

    /// <summary>Side <paramref name="index"/>'s change against the reference: empty for the reference itself, n/a when undefined.</summary>
    public static string Change(ComparedFigure figure, int index)
    {
        var side = figure.Sides[index];
        if (index == 0 || side.Spread is null) return "";
        if (side.Change is not { } change) return "n/a";
        string sign = change > 0 ? "+" : "";
        return figure.Share ? $"{sign}{Number(change)} pp" : $"{sign}{Number(change)} %";
    }

    /// <summary>
    /// Side <paramref name="index"/>'s ratio to the reference with its direction, as "1.12× better" or "0.95× worse,
    /// within the runs' range" (the ranges of the two sides' runs overlap); without a word when the figure has no direction;
    /// <see cref="Missing"/> when the side has no value, n/a when the reference has none or zero.
    /// </summary>
    public static string Ratio(ComparedFigure figure, int index)
    {
        if (index == 0) return "";
        if (figure.Sides[index].Spread is null) return Missing;
        if (figure.Ratio(index) is not { } ratio) return "n/a";
        // Two decimals, three when two would show a change as 1.00.
        string text = (Math.Abs(ratio - 1) is > 0 and < 0.005 ? ratio.ToString("0.000", CultureInfo.InvariantCulture) : ratio.ToString("0.00", CultureInfo.InvariantCulture)) + "×";
        return Direction(figure, index) is { } word ? $"{text} {word}" : text;
    }

    /// <summary>better, worse or unchanged, with "within the runs' range" when the runs cannot tell; null without a direction or a value.</summary>
    public static string? Direction(ComparedFigure figure, int index)
    {
        if (index == 0 || figure.Better == BetterWhen.Neither || figure.Sides[0].Spread is not { } reference || figure.Sides[index].Spread is not { } side) return null;
        if (side.Median == reference.Median) return "unchanged";
        string word = (side.Median > reference.Median) == (figure.Better == BetterWhen.Higher) ? "better" : "worse";
        return figure.Direction(index) == ChangeDirection.Neutral ? $"{word}, within the runs' range" : word;
    }

    /// <summary>The sentence that says how to read the headline.</summary>
    public static string HeadlineLegend(RunComparison comparison) =>
        $"Each side's median against {comparison.Sides[0].Label}'s, as a ratio (×), better or worse by the way the figure improves: " +
        "the score and the gate figures isubench gate compares.";

    /// <summary>The tally of an error on a side: its count, with the runs that had it when the side has several results.</summary>
    public static string Tally(ErrorTally? tally, ComparisonSide side) =>
        tally is null ? Missing
        : side.Results.Count > 1 ? $"{tally.Count} ({tally.Runs}/{side.Results.Count} runs)"
        : tally.Count.ToString(CultureInfo.InvariantCulture);

    /// <summary>How many of the side's runs passed, as "n/m".</summary>
    public static string Passed(ComparisonSide side) => $"{side.Runs.Count(r => r.Pass)}/{side.Runs.Count}";

    /// <summary>The sentence that says how to read the tables.</summary>
    public static string Legend(RunComparison comparison) =>
        $"Reference: {comparison.Sides[0].Label}. Changes are against it: relative, in %, and in percentage points (pp) for shares. " +
        (comparison.SeveralRuns
            ? "A side of several runs shows the median of its runs, and for the score their range (min–max) and coefficient of variation (CV)."
            : "Each side is one run.");
}
