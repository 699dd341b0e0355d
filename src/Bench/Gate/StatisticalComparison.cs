using System.Globalization;

namespace IsuBench.Bench.Gate;

/// <summary>
/// The gate's rule when both sides have several runs: <see cref="FigureTest"/> with the full bootstrap and a fixed
/// seed, the line that states its numbers and decision, and for an inconclusive decision how many more runs would likely decide.
/// </summary>
public static class StatisticalComparison
{
    /// <summary>The decision on <paramref name="samples"/>.</summary>
    public static FigureOutcome Compare(FigureSamples samples, GateSettings settings)
    {
        var statistics = FigureTest.Run(samples, settings, settings.BootstrapResamples, new Random(settings.Seed));
        var moreRuns = statistics.Decision == GateDecision.Inconclusive ? RunsToDecideEstimator.Estimate(samples, settings) : null;
        string line = $"{GateText.Word(statistics.Decision)}: {samples.Name} ({samples.BetterText}): {Numbers(samples, statistics)}; {Why(statistics, settings, moreRuns)}";
        return new FigureOutcome(samples.Name, samples.Better, statistics.Decision, line) { Statistics = statistics, MoreRuns = moreRuns };
    }

    private static string Numbers(FigureSamples samples, FigureStatistics s)
    {
        string confidence = GateText.Percent(s.Interval.ConfidenceLevel);
        string method = s.RankTest.Exact ? "exact" : "normal approximation";
        return $"results {s.CandidateRuns} runs, median {GateText.Number(s.CandidateMedian)}; " +
               $"baselines {s.BaselineRuns} runs, median {GateText.Number(s.BaselineMedian)}; " +
               $"ratio {samples.RatioText} {GateText.Ratio(s.Ratio)}, {confidence} interval {GateText.Ratio(s.Interval.Lower)} to {GateText.Ratio(s.Interval.Upper)}; " +
               $"Mann-Whitney U {GateText.Number(s.RankTest.U)}, p {GateText.P(s.RankTest.P)} ({method}, one-sided: results worse)";
    }

    private static string Why(FigureStatistics s, GateSettings settings, RunsToDecide? moreRuns)
    {
        string threshold = $"{GateText.Ratio(settings.Threshold)} (allowed drop {GateText.Percent(settings.MaxDrop, signed: false)})";
        string alpha = GateText.P(settings.Alpha);
        switch (s.Decision)
        {
            case GateDecision.Fail:
                return $"the results are worse (p < {alpha}) and the whole interval lies below {threshold}";
            case GateDecision.Pass:
                return $"the interval's lower end is at or above {threshold}";
        }
        string why = s.Interval.Upper < settings.Threshold
            ? $"the interval lies below {threshold} but the rank test does not show the results worse (p ≥ {alpha})"
            : $"the interval reaches both below and above {threshold}";
        return $"{why}; {MoreRunsText(moreRuns!)}";
    }

    private static string MoreRunsText(RunsToDecide estimate)
    {
        string share = GateText.Percent(estimate.Share);
        string simulations = estimate.Simulations.ToString(CultureInfo.InvariantCulture);
        return estimate.PerSide is { } k
            ? $"about {k} more run{(k == 1 ? "" : "s")} on each side would likely decide (at least {share} of {simulations} simulated gates with that many did)"
            : $"more than {estimate.Cap} more runs on each side would be needed (with {estimate.Cap} more, fewer than {share} of {simulations} simulated gates reached a decision)";
    }
}
