namespace IsuBench.Bench.Compare;

/// <summary>One error message with its tally on every side (null: no run of that side had it).</summary>
internal sealed record ErrorComparison(string Message, string Kind, IReadOnlyList<ErrorTally?> Sides)
{
    /// <summary>True when some side never had this error.</summary>
    public bool OneSided => Sides.Any(s => s is null);

    /// <summary>Every distinct message of every run, the most frequent first.</summary>
    public static IReadOnlyList<ErrorComparison> Of(IReadOnlyList<ComparisonSide> sides) =>
        sides.SelectMany(s => s.Results).SelectMany(r => r.Errors)
            .GroupBy(e => e.Message, StringComparer.Ordinal)
            .Select(group => new ErrorComparison(group.Key, group.First().Kind, sides.Select(side =>
            {
                var inSide = side.Results.Select(r => r.Errors.Where(e => e.Message == group.Key).Sum(e => e.Count)).Where(c => c > 0).ToList();
                return inSide.Count == 0 ? null : new ErrorTally(inSide.Sum(), inSide.Count);
            }).ToList()))
            .OrderByDescending(e => e.Sides.Sum(s => s?.Count ?? 0)).ThenBy(e => e.Message, StringComparer.Ordinal)
            .ToList();
}
