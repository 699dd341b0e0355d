using System.Globalization;

namespace IsuBench.Bench.Compare;

/// <summary>How every compare report writes figures: medians, ranges and variation over runs, changes, error tallies.</summary>
public static class FigureText
{
    /// <summary>The cell of a side that has no value.</summary>
    public const string Missing = "—";

    /// <summary>A number with two decimals below 10 (sub-millisecond latencies) and one above.</summary>
    public static string Number(double value) =>
        value.ToString(Math.Abs(value) < 10 ? "0.##" : "0.#", CultureInfo.InvariantCulture);

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
