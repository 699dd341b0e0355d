namespace IsuBench.Scenarios.Workloads.Gate;

/// <summary>A figure a regression gate compares between runs, and whether higher is better.</summary>
public sealed record GateFigure(double Value, bool HigherIsBetter);
