using IsuBench.Bench.Figures;

namespace IsuBench.Bench.Compare;

/// <summary>
/// Two or more sides compared figure by figure against the first, the reference side, led by the figures the gate compares
/// (<see cref="Headline"/>); every report renders from this.
/// </summary>
internal sealed record RunComparison(
    IReadOnlyList<ComparisonSide> Sides,
    IReadOnlyList<ComparedFigure> Headline,
    IReadOnlyList<ComparedFigure> Scores,
    IReadOnlyList<EndpointComparison> Endpoints,
    DeliveryComparison Delivery,
    IReadOnlyList<ErrorComparison> Errors,
    IReadOnlyList<string> Notes)
{
    /// <summary>The name of the total score among the score figures.</summary>
    public const string TotalScore = "total";

    /// <summary>True when some side has several runs, so spreads are worth showing.</summary>
    public bool SeveralRuns => Sides.Any(s => s.Runs.Count > 1);

    /// <summary>The errors some side never had.</summary>
    public IEnumerable<ErrorComparison> OneSidedErrors => Errors.Where(e => e.OneSided);

    /// <summary>Compares <paramref name="sides"/> (at least two, each with at least one run) against the first.</summary>
    public static RunComparison Of(IReadOnlyList<ComparisonSide> sides)
    {
        if (sides.Count < 2) throw new ArgumentException("a comparison needs at least two sides", nameof(sides));
        if (sides.Any(s => s.Results.Count == 0)) throw new ArgumentException("every side needs at least one run", nameof(sides));
        // Kinds in the order the results write them (get, post, stream_stroke); a run without a kind scored nothing by it.
        // Scores are counted over every run, those of run --repeat too, which keeps each run's scores.
        var kinds = sides.SelectMany(s => s.Runs).SelectMany(r => r.Scores.Keys).Distinct(StringComparer.Ordinal).ToList();
        var scores = kinds
            .Select(kind => ComparedFigure.OfRuns(kind, BetterWhen.Higher, sides, r => r.Scores.TryGetValue(kind, out var score) ? score.Points : 0))
            .Append(ComparedFigure.OfRuns(TotalScore, BetterWhen.Higher, sides, r => r.Score))
            .ToList();
        return new RunComparison(sides, HeadlineFigures.Of(sides), scores, EndpointComparison.Of(sides), DeliveryComparison.Of(sides), ErrorComparison.Of(sides), ComparisonNotes.Of(sides));
    }
}
