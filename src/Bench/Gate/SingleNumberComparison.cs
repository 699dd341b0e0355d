using IsuBench.Bench.Figures;
using IsuBench.Bench.Statistics;

namespace IsuBench.Bench.Gate;

/// <summary>
/// The gate's rule when a side has a single run, where statistics cannot decide: the median of each side, one number
/// against another, fails when it is worse by more than the allowed fraction; exactly the allowed drop still passes.
/// Decimal arithmetic, so 10 % of 1000 is exactly 100.
/// </summary>
public static class SingleNumberComparison
{
    /// <summary>What the line adds so nobody mistakes it for a statistical decision.</summary>
    public const string Note = "one number against one number; several runs on each side give a statistical decision";

    /// <summary>Compares the medians of <paramref name="samples"/>' two sides.</summary>
    public static FigureOutcome Compare(FigureSamples samples, GateSettings settings)
    {
        var (decision, text) = samples.Better == BetterWhen.Lower ? LowerIsBetter(samples, settings.MaxDrop) : HigherIsBetter(samples, settings.MaxDrop);
        // A drop reads REGRESSION here, as it always has, so logs and scripts that look for it still find it.
        string word = decision == GateDecision.Fail ? "REGRESSION" : GateText.Word(decision);
        return new FigureOutcome(samples.Name, samples.Better, decision, $"{word}: {text}; {Note}");
    }

    private static (GateDecision, string) HigherIsBetter(FigureSamples samples, decimal maxDrop)
    {
        var (value, reference, valueText, referenceText) = Describe(samples);
        if (reference <= 0)
            return (GateDecision.Pass, $"{valueText}; the baseline's {samples.Name} is {referenceText}, so there is no drop to measure");
        decimal change = (value - reference) / reference;
        string allowed = GateText.Percent(maxDrop, signed: false);
        if (-change > maxDrop)
            return (GateDecision.Fail, $"{valueText} is {GateText.Percent(-change, signed: false)} below the baseline's {referenceText} (allowed drop {allowed})");
        return (GateDecision.Pass, $"{valueText} vs baseline {referenceText} ({GateText.Percent(change, signed: true)}, allowed drop {allowed})");
    }

    // The drop of a lower-is-better figure is that of baseline/result below 1: 125 ms against 100 ms is a drop of 20 %.
    private static (GateDecision, string) LowerIsBetter(FigureSamples samples, decimal maxDrop)
    {
        var (value, reference, valueText, referenceText) = Describe(samples);
        string allowed = GateText.Percent(maxDrop, signed: false);
        if (value <= reference || value <= 0)
            return (GateDecision.Pass, $"{valueText} vs baseline {referenceText} (lower is better: no higher than the baseline, allowed drop {allowed})");
        decimal ratio = reference / value;
        string ratioText = $"baseline/result {GateText.Ratio((double)ratio)} is {GateText.Percent(1 - ratio, signed: false)} below 1";
        if (1 - ratio > maxDrop)
            return (GateDecision.Fail, $"{valueText} is worse than the baseline's {referenceText}: {ratioText} (lower is better, allowed drop {allowed})");
        return (GateDecision.Pass, $"{valueText} vs baseline {referenceText} ({ratioText}, lower is better, allowed drop {allowed})");
    }

    // The medians as decimals, and how to name them: "score 900", or "median score 950 of 3 runs (950, 600, 1020)".
    private static (decimal Value, decimal Reference, string ValueText, string ReferenceText) Describe(FigureSamples samples)
    {
        double value = Quantiles.Median(samples.Candidates), reference = Quantiles.Median(samples.Baselines);
        string valueText = samples.Candidates.Count == 1
            ? $"{samples.Name} {GateText.Number(value)}"
            : $"median {samples.Name} {GateText.Number(value)} of {samples.Candidates.Count} runs ({List(samples.Candidates)})";
        string referenceText = samples.Baselines.Count == 1
            ? GateText.Number(reference)
            : $"median {GateText.Number(reference)} of {samples.Baselines.Count} ({List(samples.Baselines)})";
        return ((decimal)value, (decimal)reference, valueText, referenceText);
    }

    private static string List(IReadOnlyList<double> values) => string.Join(", ", values.Select(GateText.Number));
}
