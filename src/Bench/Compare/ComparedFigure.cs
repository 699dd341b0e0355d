using IsuBench.Bench.Figures;
using IsuBench.Bench.Reports;

namespace IsuBench.Bench.Compare;

/// <summary>
/// One figure (a score kind, an endpoint's p99, ...) on every side, with each side's change against the first side. The
/// change is relative, in percent, except for a <see cref="Share"/> figure (itself a percentage), whose change is the
/// difference in percentage points.
/// </summary>
public sealed record ComparedFigure(string Name, BetterWhen Better, bool Share, IReadOnlyList<SideFigure> Sides)
{
    /// <summary>Measures <paramref name="value"/> on every result of every side (its details: endpoints, delivery, errors); results where it is null do not count.</summary>
    public static ComparedFigure Of(string name, BetterWhen better, IReadOnlyList<ComparisonSide> sides, Func<ResultDocument, double?> value, bool share = false) =>
        Of(name, better, share, sides.Select(side => side.Results.Select(value)));

    /// <summary>Measures <paramref name="value"/> on every run of every side, each run of <c>run --repeat</c> counted; runs where it is null do not count.</summary>
    public static ComparedFigure OfRuns(string name, BetterWhen better, IReadOnlyList<ComparisonSide> sides, Func<RepeatRunDocument, double?> value) =>
        Of(name, better, share: false, sides.Select(side => side.Runs.Select(value)));

    private static ComparedFigure Of(string name, BetterWhen better, bool share, IEnumerable<IEnumerable<double?>> valuesBySide)
    {
        var spreads = valuesBySide.Select(values =>
        {
            var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
            return present.Count > 0 ? Spread.Of(present) : null;
        }).ToList();
        double? reference = spreads[0]?.Median;
        return new ComparedFigure(name, better, share,
            spreads.Select((s, i) => new SideFigure(s, i == 0 ? null : share ? s?.Median - reference : RelativeChange(reference, s?.Median))).ToList());
    }

    /// <summary>The change from <paramref name="reference"/> to <paramref name="value"/> in percent; null when either is missing or the reference is zero and the value is not.</summary>
    public static double? RelativeChange(double? reference, double? value)
    {
        if (reference is not { } from || value is not { } to) return null;
        if (from == 0) return to == 0 ? 0 : null;
        return (to - from) / Math.Abs(from) * 100;
    }

    /// <summary>Side <paramref name="index"/>'s median over the reference side's; null when either is missing, or the reference is zero and the side is not.</summary>
    public double? Ratio(int index)
    {
        if (Sides[0].Spread?.Median is not { } reference || Sides[index].Spread?.Median is not { } value) return null;
        if (reference == 0) return value == 0 ? 1 : null;
        return value / reference;
    }

    /// <summary>Whether side <paramref name="index"/> did better or worse than the reference side, counting only a change beyond both sides' ranges over their runs.</summary>
    public ChangeDirection Direction(int index)
    {
        var reference = Sides[0].Spread;
        var side = Sides[index];
        if (index == 0 || Better == BetterWhen.Neither || reference is null || side.Spread is null) return ChangeDirection.Neutral;
        // A difference within what the runs themselves vary by is noise, not a change (single runs overlap only when equal).
        if (side.Spread.Overlaps(reference)) return ChangeDirection.Neutral;
        bool higher = side.Spread.Median > reference.Median;
        return higher == (Better == BetterWhen.Higher) ? ChangeDirection.Better : ChangeDirection.Worse;
    }
}
