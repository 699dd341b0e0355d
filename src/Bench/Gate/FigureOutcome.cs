using IsuBench.Bench.Figures;

namespace IsuBench.Bench.Gate;

/// <summary>The gate's decision on one figure and the line that states it with its numbers.</summary>
internal sealed record FigureOutcome(string Name, BetterWhen Better, GateDecision Decision, string Line)
{
    /// <summary>The statistics; null when one side had a single run and two numbers were compared.</summary>
    public FigureStatistics? Statistics { get; init; }

    /// <summary>The estimate of the runs that would settle an inconclusive figure; null otherwise.</summary>
    public RunsToDecide? MoreRuns { get; init; }

    /// <summary>True when the statistics failed the figure but the results ran on a crowded machine (<see cref="CrowdedRuns"/>).</summary>
    public bool FailedOnCrowdedMachine { get; init; }
}
