using System.Globalization;
using IsuBench.Bench.Figures;
using IsuBench.Bench.Reports;
using IsuBench.Scenarios.Workloads;

namespace IsuBench.Bench.Compare;

/// <summary>
/// SSE delivery on every side: deliveries and their latency percentiles, the share delivered within the scoring window,
/// what Matsuri counted as late or mismatched, and the histogram as shares of each run's deliveries.
/// </summary>
internal sealed record DeliveryComparison(IReadOnlyList<ComparedFigure> Figures, IReadOnlyList<ComparedFigure> Buckets)
{
    /// <summary>A delivery within this time of its POST scores (the load phase's rule), so the share within it is the share on time.</summary>
    public static readonly TimeSpan ScoreWindow = new LoadOptions().DeliveryScoreWindow;

    /// <summary>The name of the on-time share figure.</summary>
    public static readonly string OnTimeName = $"on time (≤ {ScoreWindow.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms), %";

    /// <summary>The figures and buckets of <paramref name="sides"/>.</summary>
    public static DeliveryComparison Of(IReadOnlyList<ComparisonSide> sides)
    {
        ComparedFigure Figure(string name, BetterWhen better, Func<ResultDocument, double?> value, bool share = false) =>
            ComparedFigure.Of(name, better, sides, value, share);
        // Percentiles of a run without deliveries are zeros, not fast deliveries.
        double? Latency(ResultDocument run, Func<DeliveryDocument, double> percentile) => run.SseDelivery.Count > 0 ? percentile(run.SseDelivery) : null;
        var figures = new List<ComparedFigure>
        {
            Figure("deliveries", BetterWhen.Higher, r => r.SseDelivery.Count),
            Figure(OnTimeName, BetterWhen.Higher, OnTimePercent, share: true),
            Figure("p50 ms", BetterWhen.Lower, r => Latency(r, d => d.P50Ms)),
            Figure("p90 ms", BetterWhen.Lower, r => Latency(r, d => d.P90Ms)),
            Figure("p99 ms", BetterWhen.Lower, r => Latency(r, d => d.P99Ms)),
            Figure("p99.9 ms", BetterWhen.Lower, r => Latency(r, d => d.P999Ms)),
            Figure("max ms", BetterWhen.Lower, r => Latency(r, d => d.MaxMs)),
            Figure("late (Matsuri)", BetterWhen.Lower, r => r.Load?.Matsuri.DeliveriesLate),
            Figure("mismatched (Matsuri)", BetterWhen.Lower, r => r.Load?.Matsuri.DeliveriesMismatched),
        };

        // Every run of this isubench has the same bounds; results of other versions may not, and then a bucket counts where it exists.
        var bounds = sides.SelectMany(s => s.Results).SelectMany(r => r.SseDelivery.Histogram).Select(b => b.LeMs)
            .Distinct().OrderBy(le => le ?? double.PositiveInfinity).ToList();
        var buckets = bounds.Select((le, i) => Figure(BucketLabel(bounds, i), BetterWhen.Neither, r => BucketPercent(r, le), share: true)).ToList();
        return new DeliveryComparison(figures, buckets);
    }

    /// <summary>The label of bucket <paramref name="index"/> of <paramref name="bounds"/> (null: above the last bound).</summary>
    public static string BucketLabel(IReadOnlyList<double?> bounds, int index) =>
        bounds[index] is { } le ? $"≤ {Ms(le)} ms" : $"> {Ms(index > 0 ? bounds[index - 1] ?? 0 : 0)} ms";

    // The share of the run's deliveries no slower than the window; unknown when the histogram has no bound at the window.
    private static double? OnTimePercent(ResultDocument run)
    {
        var histogram = run.SseDelivery.Histogram;
        long total = histogram.Sum(b => b.Count);
        double window = ScoreWindow.TotalMilliseconds;
        if (total == 0 || !histogram.Any(b => b.LeMs == window)) return null;
        return 100.0 * histogram.Where(b => b.LeMs <= window).Sum(b => b.Count) / total;
    }

    private static double? BucketPercent(ResultDocument run, double? le)
    {
        var histogram = run.SseDelivery.Histogram;
        long total = histogram.Sum(b => b.Count);
        var bucket = histogram.FirstOrDefault(b => b.LeMs == le);
        return total == 0 || bucket is null ? null : 100.0 * bucket.Count / total;
    }

    private static string Ms(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
