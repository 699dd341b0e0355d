using IsuBench.Bench.Reports;

namespace IsuBench.Bench.Compare;

/// <summary>
/// One side of a comparison: a label, the argument it came from, and the results read for it (one result.json or a
/// folder's worth), whose runs are the side's runs.
/// </summary>
public sealed record ComparisonSide(string Label, string Source, IReadOnlyList<ResultDocument> Results)
{
    /// <summary>
    /// Every run of the side, counted as <c>isubench gate</c> counts a file's runs: a result of <c>run --repeat</c> is
    /// each of its runs (not its warm-up runs), any other result one run. They hold the score and gate figures of each
    /// run; the details (endpoints, delivery, errors) are in <see cref="Results"/>.
    /// </summary>
    public IReadOnlyList<RepeatRunDocument> Runs => Results.SelectMany(RunsOf).ToList();

    /// <summary>The runs of <paramref name="result"/>: its runs of <c>run --repeat</c>, or the result itself as one run.</summary>
    public static IReadOnlyList<RepeatRunDocument> RunsOf(ResultDocument result) =>
        result.Repeat is { Runs.Count: > 0 } repeat ? repeat.Runs : [RepeatRunDocument.From(result)];
}
