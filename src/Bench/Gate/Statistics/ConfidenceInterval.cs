namespace IsuBench.Bench.Gate.Statistics;

/// <summary>An interval that holds an estimated quantity with the given confidence (0.95 for 95 %).</summary>
public sealed record ConfidenceInterval(double Lower, double Upper, double Confidence);
