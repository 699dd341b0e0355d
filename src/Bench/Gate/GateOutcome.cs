namespace IsuBench.Bench.Gate;

/// <summary>What the gate decided, the one line that says why, and the verdict on each figure.</summary>
public sealed record GateOutcome(GateVerdict Verdict, string Reason)
{
    /// <summary>A pass or a fail with its reason.</summary>
    public GateOutcome(bool passed, string reason) : this(passed ? GateVerdict.Pass : GateVerdict.Fail, reason)
    {
    }

    /// <summary>True for a pass only; a fail and an inconclusive verdict are both not passes.</summary>
    public bool Passed => Verdict == GateVerdict.Pass;

    /// <summary>Each compared figure's verdict; empty when a failed run decided alone.</summary>
    public IReadOnlyList<FigureOutcome> Figures { get; init; } = [];

    /// <summary>The figures only one side had.</summary>
    public IReadOnlyList<SkippedFigure> Skipped { get; init; } = [];
}
