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
            string Runs(int count) => side.Runs.Count == 1 ? "its run" : $"{count} of its {side.Runs.Count} runs";
            int failed = side.Runs.Count(r => !r.Pass);
            int interrupted = side.Runs.Count(r => r.Interrupted);
            int withoutLoad = side.Runs.Count(r => !r.LoadRan);
            long unlisted = side.Runs.Sum(r => r.UnlistedErrors);
            if (failed > 0) notes.Add($"{side.Label}: {Runs(failed)} failed.");
            if (interrupted > 0) notes.Add($"{side.Label}: {Runs(interrupted)} were interrupted.");
            if (withoutLoad > 0) notes.Add($"{side.Label}: {Runs(withoutLoad)} had no load phase.");
            if (unlisted > 0) notes.Add($"{side.Label}: {unlisted} errors had messages beyond the ledger's limit and are not compared by message.");
        }
        var runs = sides.SelectMany(s => s.Runs).ToList();
        void Differ(string what, IEnumerable<string> values)
        {
            var distinct = values.Distinct(StringComparer.Ordinal).ToList();
            if (distinct.Count > 1) notes.Add($"The runs differ in {what}: {string.Join(", ", distinct)}.");
        }
        Differ("load duration", runs.Select(r => r.Options.DurationSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s"));
        Differ("seed", runs.Select(r => r.Seed.ToString(CultureInfo.InvariantCulture)));
        Differ("isubench version", runs.Select(r => r.BenchVersion));
        return notes;
    }
}
