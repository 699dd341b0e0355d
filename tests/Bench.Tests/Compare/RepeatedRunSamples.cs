using IsuBench.Bench.Reports;

namespace IsuBench.Tests.Bench.Compare;

/// <summary>Results of <c>run --repeat</c> built from chosen runs, as the run command summarizes them.</summary>
internal static class RepeatedRunSamples
{
    /// <summary>The summary named <paramref name="runId"/> of <paramref name="runs"/> (each renamed run-1, run-2, ...) after <paramref name="warmUp"/> (warm-up-1, ...).</summary>
    public static ResultDocument Summary(string runId, IReadOnlyList<ResultDocument> runs, IReadOnlyList<ResultDocument>? warmUp = null) =>
        RepeatDocument.Summarize(Renamed(runs, "run"), runId, warmUp is null ? null : Renamed(warmUp, "warm-up"));

    /// <summary>Each run as run --repeat names it: <paramref name="prefix"/>-1, -2, ...</summary>
    public static List<ResultDocument> Renamed(IReadOnlyList<ResultDocument> runs, string prefix) =>
        runs.Select((run, i) => run with { RunId = $"{prefix}-{i + 1}" }).ToList();

    /// <summary><paramref name="run"/> with the gate figures <paramref name="figures"/> (better when lower unless named "share").</summary>
    public static ResultDocument WithGateFigures(ResultDocument run, params (string Name, double Value, bool Gated)[] figures) => run with
    {
        GateFigures = figures.ToDictionary(
            f => f.Name,
            f => new GateFigureDocument(f.Value, f.Name.Contains("share", StringComparison.Ordinal) ? GateFigureDocument.Higher : GateFigureDocument.Lower, f.Gated)),
    };
}
