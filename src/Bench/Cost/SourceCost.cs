namespace IsuBench.Bench.Cost;

/// <summary>
/// What one CPU source spent over the measured window: its CPU time and that time per request the bench completed in
/// the window; or why it was not measured (<see cref="Missing"/>). <see cref="Gated"/>: a figure for the gate (the
/// server's; not the bench's own).
/// </summary>
internal sealed record SourceCost(string Name, string Kind, string Detail, string? Cpus, bool Gated, TimeSpan? Cpu, double? CpuMsPerRequest, string? Missing);
