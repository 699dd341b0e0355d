namespace IsuBench.Bench.Figures;

/// <summary>
/// The names of the figures of what a CPU source spent per request (<c>process isuketch: cpu ms per request</c>): written
/// by the reports, and told apart by the gate, which allows them a smaller rise than the latencies.
/// </summary>
internal static class CostFigureName
{
    private const string Suffix = ": cpu ms per request";
    private const string RelativeSuffix = ": cpu per request relative to the bench";

    /// <summary>The figure's name for <paramref name="source"/>.</summary>
    public static string Of(string source) => source + Suffix;

    /// <summary>The name of <paramref name="source"/>'s CPU per request divided by the bench's own, the yardstick.</summary>
    public static string RelativeOf(string source) => source + RelativeSuffix;

    /// <summary>
    /// The name of what <paramref name="source"/> spent per request of <paramref name="kind"/> in its kind window (<c>process
    /// isuketch, GET /api/rooms alone: cpu ms per request</c>).
    /// </summary>
    public static string Of(string source, string kind) => Of(KindSource(source, kind));

    /// <summary>
    /// The name of <paramref name="source"/>'s CPU per request of <paramref name="kind"/> relative to the bench's own in
    /// the same window.
    /// </summary>
    public static string RelativeOf(string source, string kind) => RelativeOf(KindSource(source, kind));

    /// <summary>True when <paramref name="figure"/> names what a source spent per request, in milliseconds or relative to the bench.</summary>
    public static bool Is(string figure) =>
        figure.EndsWith(Suffix, StringComparison.Ordinal) || figure.EndsWith(RelativeSuffix, StringComparison.Ordinal);

    private static string KindSource(string source, string kind) => $"{source}, {kind} alone";
}
