namespace IsuBench.Bench.Cost;

/// <summary>How busy one CPU was over a stretch: the share of its time busy and the share stolen by the hypervisor (0 to 1).</summary>
internal sealed record CpuLoad(int Cpu, double Busy, double Steal);
