namespace IsuBench.Bench.Cost;

/// <summary>One sample of CPU over time: milliseconds of CPU each source spent per second since the sample before, at <see cref="Elapsed"/> into the run.</summary>
internal sealed record CostSample(TimeSpan Elapsed, IReadOnlyDictionary<string, double> CpuMsPerSecond);
