using IsuBench.Bench.Cost;
using IsuBench.Bench.Figures;

namespace IsuBench.Bench.Reports;

/// <summary>
/// Puts a run's <see cref="CostReport"/> into its result: the <c>cost</c> section, and each source's CPU per request as a
/// gate figure, lower being better (the server's gated, relative to the bench's own where that was measured; the bench's
/// own and the server's milliseconds then reported only), so that <c>isubench gate</c> and
/// <c>compare</c> take them up with the latencies. Under ISUCON load, whose gate figure is otherwise the score alone, the
/// score goes into <c>gate_figures</c> beside them so that it is still judged.
/// </summary>
internal static class CostFigures
{
    /// <summary>The name of the gate figure of <paramref name="source"/>.</summary>
    public static string FigureName(string source) => CostFigureName.Of(source);

    /// <summary><paramref name="document"/> with <paramref name="report"/> in it.</summary>
    public static ResultDocument Attach(ResultDocument document, CostReport report)
    {
        var cost = CostDocument.From(report);
        // Without a server source and without figures of the workload, the bench's own cost is no reason to replace the
        // score as the one figure a gate reads: it stays in the cost section.
        if (document.GateFigures is null && !report.Sources.Any(s => s.Gated)) return document with { Cost = cost };
        var figures = document.GateFigures is { } own
            ? new Dictionary<string, GateFigureDocument>(own, StringComparer.Ordinal)
            : new Dictionary<string, GateFigureDocument>(StringComparer.Ordinal) { [Gate.GateFigure.ScoreName] = new(document.Score, GateFigureDocument.Higher) };
        // The yardstick: the bench does the same work per request in every run of a workload, so its own CPU per request
        // moves with how fast this machine runs an instruction (a host whose other guests take the caches or the memory
        // bandwidth); the server's divided by it moves with the server alone. Where it can be had, it is the gated figure
        // and the milliseconds are reported beside it: on a quiet but shared machine they moved 4-9 % between runs of one
        // build, the ratio about 2 % (results/gate-cost.md).
        Add(figures, report.Sources, CostFigureName.Of, CostFigureName.RelativeOf);
        // Each kind window likewise, its yardstick the bench's own CPU per request of the same kind in the same window.
        foreach (var kind in report.Kinds)
        {
            Add(figures, kind.Sources,
                source => CostFigureName.Of(source, kind.Kind), source => CostFigureName.RelativeOf(source, kind.Kind));
        }
        return document with { Cost = cost, GateFigures = figures };
    }

    private static void Add(
        Dictionary<string, GateFigureDocument> figures,
        IReadOnlyList<SourceCost> sources,
        Func<string, string> name,
        Func<string, string> relativeName)
    {
        double? bench = sources.FirstOrDefault(s => !s.Gated)?.CpuMsPerRequest is > 0 and var ms ? ms : null;
        foreach (var source in sources)
        {
            if (source.CpuMsPerRequest is not { } perRequest) continue;
            figures[name(source.Name)] = new GateFigureDocument(perRequest, GateFigureDocument.Lower, source.Gated && bench is null);
            if (source.Gated && bench is { } yardstick)
            {
                figures[relativeName(source.Name)] =
                    new GateFigureDocument(Math.Round(perRequest / yardstick, 4), GateFigureDocument.Lower, Gated: true);
            }
        }
    }
}
