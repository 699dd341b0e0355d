using IsuBench.Bench.Figures;
using Perfolizer.Mathematics.SignificanceTesting.Base;

namespace IsuBench.Bench.Gate;

/// <summary>One figure's values over the runs of each side, and which way it improves.</summary>
internal sealed record FigureSamples(string Name, BetterWhen Better, IReadOnlyList<double> Candidates, IReadOnlyList<double> Baselines)
{
    /// <summary>The numerator of the ratio of medians, chosen so that a ratio below 1 is always worse: the results when higher is better.</summary>
    public IReadOnlyList<double> RatioNumerator => Better == BetterWhen.Lower ? Baselines : Candidates;

    /// <summary>The denominator of the ratio of medians: the baselines when higher is better.</summary>
    public IReadOnlyList<double> RatioDenominator => Better == BetterWhen.Lower ? Candidates : Baselines;

    /// <summary>The rank test's alternative "the results are worse": lower values when higher is better.</summary>
    public AlternativeHypothesis Worse => Better == BetterWhen.Lower ? AlternativeHypothesis.Greater : AlternativeHypothesis.Less;

    /// <summary>"higher is better" or "lower is better".</summary>
    public string BetterText => Better == BetterWhen.Lower ? "lower is better" : "higher is better";

    /// <summary>Which side the ratio divides by which, in words.</summary>
    public string RatioText => Better == BetterWhen.Lower ? "baselines/results" : "results/baselines";
}
