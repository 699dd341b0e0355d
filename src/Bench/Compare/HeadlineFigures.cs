using IsuBench.Bench.Figures;
using IsuBench.Bench.Gate;
using IsuBench.Bench.Reports;

namespace IsuBench.Bench.Compare;

/// <summary>
/// The figures a comparison leads with: the score, then the gate figures that <c>isubench gate</c> compares (those not
/// marked <c>"gated": false</c>), each over every run of each side.
/// </summary>
internal static class HeadlineFigures
{
    /// <summary>The score and the gated figures any run of <paramref name="sides"/> has, in the order the runs name them.</summary>
    public static IReadOnlyList<ComparedFigure> Of(IReadOnlyList<ComparisonSide> sides)
    {
        var figures = new List<ComparedFigure> { ComparedFigure.OfRuns(GateFigure.ScoreName, BetterWhen.Higher, sides, r => r.Score) };
        var gated = new OrderedDictionary<string, BetterWhen>(StringComparer.Ordinal);
        foreach (var (name, figure) in sides.SelectMany(s => s.Runs).SelectMany(r => r.GateFigures ?? new Dictionary<string, GateFigureDocument>()))
            if (figure.Gated && name != GateFigure.ScoreName)
                gated.TryAdd(name, figure.Better == GateFigureDocument.Lower ? BetterWhen.Lower : BetterWhen.Higher);
        foreach (var (name, better) in gated)
            figures.Add(ComparedFigure.OfRuns(name, better, sides,
                r => r.GateFigures is { } f && f.TryGetValue(name, out var figure) && figure.Gated ? figure.Value : null));
        return figures;
    }
}
