using IsuBench.Bench.Figures;

namespace IsuBench.Bench.Compare;

/// <summary>
/// A figure on one side: its spread over the side's runs (null when no run has it) and its change against the reference
/// side's median (null for the reference side itself, and when there is nothing to compare with: no value, or a zero reference).
/// </summary>
internal sealed record SideFigure(Spread? Spread, double? Change);
