using IsuBench.Bench.Reports;

namespace IsuBench.Bench.Compare;

/// <summary>One side of a comparison: a label, the argument it came from, and its runs (one result.json or a folder's worth).</summary>
public sealed record ComparisonSide(string Label, string Source, IReadOnlyList<ResultDocument> Runs);
