namespace IsuBench.Bench.Figures;

/// <summary>
/// The names of the figures of what a CPU source spent per request (<c>process isuketch: cpu ms per request</c>): written
/// by the reports, and told apart by the gate, which allows them a smaller rise than the latencies.
/// </summary>
internal static class CostFigureName
{
    private const string Suffix = ": cpu ms per request";

    /// <summary>The figure's name for <paramref name="source"/>.</summary>
    public static string Of(string source) => source + Suffix;

    /// <summary>True when <paramref name="figure"/> names what a source spent per request.</summary>
    public static bool Is(string figure) => figure.EndsWith(Suffix, StringComparison.Ordinal);
}
