using IsuBench.Bench.Figures;

namespace IsuBench.Bench.Gate;

/// <summary>Gathers each figure's values over the runs of each side, keeping the figures both sides have and naming the rest.</summary>
internal static class FigurePairing
{
    /// <summary>
    /// The figures of <paramref name="candidates"/> that <paramref name="baselines"/> have too, in the order the results
    /// name them, and the others, each with the side that had it.
    /// </summary>
    /// <exception cref="GateInputException">No figure is on both sides, or runs disagree on which way a figure improves.</exception>
    public static (IReadOnlyList<FigureSamples> Figures, IReadOnlyList<SkippedFigure> Skipped) Pair(
        IReadOnlyList<ScoreRecord> candidates, IReadOnlyList<ScoreRecord> baselines)
    {
        var candidateValues = Gather(candidates, "results");
        var baselineValues = Gather(baselines, "baselines");
        var figures = new List<FigureSamples>();
        var skipped = new List<SkippedFigure>();
        foreach (var (name, (better, values)) in candidateValues)
        {
            if (!baselineValues.TryGetValue(name, out var reference))
            {
                skipped.Add(new SkippedFigure(name, "results"));
                continue;
            }
            if (reference.Better != better)
                throw new GateInputException(
                    $"\"{name}\" is better when {Word(better)} in the results but when {Word(reference.Better)} in the baselines; gate like with like");
            figures.Add(new FigureSamples(name, better, values, reference.Values));
        }
        skipped.AddRange(baselineValues.Keys.Where(name => !candidateValues.ContainsKey(name)).Select(name => new SkippedFigure(name, "baselines")));
        if (figures.Count == 0)
            throw new GateInputException(
                $"no figure is in both the results ({Names(candidateValues.Keys)}) and the baselines ({Names(baselineValues.Keys)}); gate like with like");
        return (figures, skipped);
    }

    // Figure name → which way it improves and its value in each run that has it, in the order of first appearance.
    private static OrderedDictionary<string, (BetterWhen Better, List<double> Values)> Gather(IReadOnlyList<ScoreRecord> runs, string side)
    {
        var gathered = new OrderedDictionary<string, (BetterWhen Better, List<double> Values)>(StringComparer.Ordinal);
        foreach (var figure in runs.SelectMany(r => r.Figures))
        {
            if (!gathered.TryGetValue(figure.Name, out var entry))
                gathered.Add(figure.Name, entry = (figure.Better, []));
            else if (entry.Better != figure.Better)
                throw new GateInputException($"\"{figure.Name}\" is better when {Word(entry.Better)} in one run of the {side} and when {Word(figure.Better)} in another");
            entry.Values.Add(figure.Value);
        }
        return gathered;
    }

    private static string Word(BetterWhen better) => better == BetterWhen.Lower ? "lower" : "higher";

    private static string Names(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));
}
