using IsuBench.Bench.Statistics;
using Perfolizer.Mathematics.Common;

namespace IsuBench.Bench.Gate;

/// <summary>
/// The numbers behind a figure's statistical decision: runs and medians of each side, the ratio of medians (below 1 is
/// worse) with its bootstrap interval, and the rank test of "the results are worse".
/// </summary>
public sealed record FigureStatistics(
    int CandidateRuns, double CandidateMedian, int BaselineRuns, double BaselineMedian,
    double Ratio, ConfidenceInterval Interval, RankTestResult RankTest, GateDecision Decision);
