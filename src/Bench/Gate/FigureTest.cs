using IsuBench.Bench.Statistics;

namespace IsuBench.Bench.Gate;

/// <summary>Measures one figure's samples (medians, ratio, bootstrap interval, rank test) and applies <see cref="DecisionCriterion"/>.</summary>
public static class FigureTest
{
    /// <summary>The statistics of <paramref name="samples"/> with an interval of <paramref name="resamples"/> resamples drawn with <paramref name="random"/>.</summary>
    public static FigureStatistics Run(FigureSamples samples, GateSettings settings, int resamples, Random random)
    {
        var rankTest = MannWhitneyU.Test(samples.Candidates, samples.Baselines, samples.Worse);
        var interval = BootstrapRatioOfMedians.Interval(samples.RatioNumerator, samples.RatioDenominator, settings.Confidence, resamples, random);
        return new FigureStatistics(
            samples.Candidates.Count, Quantiles.Median(samples.Candidates), samples.Baselines.Count, Quantiles.Median(samples.Baselines),
            interval.Estimation, interval, rankTest, DecisionCriterion.Decide(rankTest, interval, settings));
    }
}
