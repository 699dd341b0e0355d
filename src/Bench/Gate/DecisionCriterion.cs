using IsuBench.Bench.Statistics;
using Perfolizer.Mathematics.Common;

namespace IsuBench.Bench.Gate;

/// <summary>
/// How the statistical gate decides a figure. FAIL when the rank test finds the results worse (p below 1 − confidence) and the whole
/// interval of the ratio of medians lies below 1 − max drop; PASS when the interval's lower end is at or above
/// 1 − max drop; otherwise the runs cannot tell, INCONCLUSIVE.
/// </summary>
public static class DecisionCriterion
{
    /// <summary>The decision on a figure from its rank test and its interval.</summary>
    public static GateDecision Decide(RankTestResult rankTest, ConfidenceInterval interval, GateSettings settings)
    {
        double threshold = settings.Threshold;
        if (rankTest.P < settings.Alpha && interval.Upper < threshold) return GateDecision.Fail;
        if (interval.Lower >= threshold) return GateDecision.Pass;
        return GateDecision.Inconclusive;
    }
}
