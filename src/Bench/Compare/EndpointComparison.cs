using IsuBench.Bench.Figures;
using IsuBench.Bench.Reports;

namespace IsuBench.Bench.Compare;

/// <summary>One endpoint on every side: requests, errors, p50 and p99, each the median over a side's results.</summary>
internal sealed record EndpointComparison(string Endpoint, ComparedFigure Requests, ComparedFigure Errors, ComparedFigure P50Ms, ComparedFigure P99Ms)
{
    /// <summary>Every endpoint any run called, sorted by name.</summary>
    public static IReadOnlyList<EndpointComparison> Of(IReadOnlyList<ComparisonSide> sides) =>
        sides.SelectMany(s => s.Results).SelectMany(r => r.Endpoints).Select(e => e.Endpoint)
            .Distinct().Order(StringComparer.Ordinal)
            .Select(name =>
            {
                EndpointDocument? In(ResultDocument run) => run.Endpoints.FirstOrDefault(e => e.Endpoint == name);
                // A run that never called the endpoint made no requests and had no errors there, but has no latency to count.
                double? Latency(ResultDocument run, Func<EndpointDocument, double> percentile) => In(run) is { Count: > 0 } e ? percentile(e) : null;
                return new EndpointComparison(name,
                    ComparedFigure.Of("requests", BetterWhen.Higher, sides, r => In(r)?.Count ?? 0),
                    ComparedFigure.Of("errors", BetterWhen.Lower, sides, r => In(r)?.Errors ?? 0),
                    ComparedFigure.Of("p50 ms", BetterWhen.Lower, sides, r => Latency(r, e => e.P50Ms)),
                    ComparedFigure.Of("p99 ms", BetterWhen.Lower, sides, r => Latency(r, e => e.P99Ms)));
            })
            .ToList();
}
