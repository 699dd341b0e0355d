namespace IsuBench.Scenarios.Workloads.Gate;

/// <summary>
/// A figure the gate workload measured, whether higher is better, and whether a regression gate judges it: figures whose
/// runs disagree by more than a gate could tell from a regression (the p99s, the endpoints behind a database commit on
/// this kind of machine; results/gate.md) are reported but not gated.
/// </summary>
public sealed record GateFigure(double Value, bool HigherIsBetter, bool Gated = true);
