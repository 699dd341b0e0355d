using IsuBench.Bench.Cost;
using IsuBench.Bench.Figures;

namespace IsuBench.Bench.Reports;

/// <summary>
/// Puts a run's <see cref="CostReport"/> into its result: the <c>cost</c> section, and each source's CPU per request as a
/// gate figure, lower being better (the server's gated, the bench's own reported only), so that <c>isubench gate</c> and
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
        foreach (var source in report.Sources)
            if (source.CpuMsPerRequest is { } perRequest)
                figures[FigureName(source.Name)] = new GateFigureDocument(perRequest, GateFigureDocument.Lower, source.Gated);
        return document with { Cost = cost, GateFigures = figures };
    }
}
