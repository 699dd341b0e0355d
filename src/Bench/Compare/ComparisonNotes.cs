using System.Globalization;

namespace IsuBench.Bench.Compare;

/// <summary>What makes a comparison less than like with like: failed, interrupted or load-less runs, and settings that differ between runs.</summary>
public static class ComparisonNotes
{
    /// <summary>One sentence per caveat, empty when there is none.</summary>
    public static IReadOnlyList<string> Of(IReadOnlyList<ComparisonSide> sides)
    {
        var notes = new List<string>();
        foreach (var side in sides)
        {
            var sideRuns = side.Runs;
            string Runs(int count) => sideRuns.Count == 1 ? "its run" : $"{count} of its {sideRuns.Count} runs";
            string Results(int count) => side.Results.Count == 1 ? "its run" : $"{count} of its {side.Results.Count} results";
            int failed = sideRuns.Count(r => !r.Pass);
            int interrupted = sideRuns.Count(r => r.Interrupted);
            int withoutLoad = side.Results.Count(r => !r.LoadRan);
            long unlisted = side.Results.Sum(r => r.UnlistedErrors);
            if (failed > 0) notes.Add($"{side.Label}: {Runs(failed)} failed.");
            if (interrupted > 0) notes.Add($"{side.Label}: {Runs(interrupted)} were interrupted.");
            if (withoutLoad > 0) notes.Add($"{side.Label}: {Results(withoutLoad)} had no load phase.");
            if (unlisted > 0) notes.Add($"{side.Label}: {unlisted} errors had messages beyond the ledger's limit and are not compared by message.");
            // run --repeat's result.json keeps each run's score and gate figures, but the details of its median run only.
            foreach (var summary in side.Results.Where(r => r.Repeat is { Runs.Count: > 0 }))
                notes.Add($"{side.Label}: endpoints, SSE delivery and errors of {summary.RunId} are those of its median run ({summary.Repeat!.MedianRunId}), " +
                          $"the score and gate figures those of all its {summary.Repeat.Runs.Count} runs; pass the folder of its runs to compare the details of each.");
        }
        var runs = sides.SelectMany(s => s.Results).ToList();
        void Differ(string what, IEnumerable<string> values)
        {
            var distinct = values.Distinct(StringComparer.Ordinal).ToList();
            if (distinct.Count > 1) notes.Add($"The runs differ in {what}: {string.Join(", ", distinct)}.");
        }
        Differ("load duration", runs.Select(r => r.Options.DurationSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s"));
        Differ("seed", runs.Select(r => r.Seed.ToString(CultureInfo.InvariantCulture)));
        Differ("front end", runs.Select(r => r.Options.FrontEnd));
        Differ("server profile", runs.Select(r => r.ServerProfile ?? "not reported"));
        Differ("isubench version", runs.Select(r => r.BenchVersion));
        return notes;
    }
}
