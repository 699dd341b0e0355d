namespace IsuBench.Bench.Gate;

/// <summary>What the gate decided, the one line that says why, and the decision on each figure.</summary>
public sealed record GateOutcome(GateDecision Decision, string Reason)
{
    /// <summary>A pass or a fail with its reason.</summary>
    public GateOutcome(bool passed, string reason) : this(passed ? GateDecision.Pass : GateDecision.Fail, reason)
    {
    }

    /// <summary>True for a pass only; a fail and an inconclusive decision are both not passes.</summary>
    public bool Passed => Decision == GateDecision.Pass;

    /// <summary>Each compared figure's decision; empty when a failed run decided alone.</summary>
    public IReadOnlyList<FigureOutcome> Figures { get; init; } = [];

    /// <summary>The figures only one side had.</summary>
    public IReadOnlyList<SkippedFigure> Skipped { get; init; } = [];
}
