using IsuBench.Bench.Figures;

namespace IsuBench.Bench.Gate;

/// <summary>One figure of one run that the gate compares, and which way it improves (higher or lower).</summary>
public sealed record GateFigure(string Name, double Value, BetterWhen Better)
{
    /// <summary>The figure of files without <c>gate_figures</c>: the score, better when higher.</summary>
    public const string ScoreName = "score";
}
