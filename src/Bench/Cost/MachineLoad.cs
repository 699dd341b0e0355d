namespace IsuBench.Bench.Cost;

/// <summary>How busy the machine was over the measured window: each CPU, and all of them together.</summary>
internal sealed record MachineLoad(IReadOnlyList<CpuLoad> Cpus, double Busy, double Steal);
