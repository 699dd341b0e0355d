namespace IsuBench.Engine.Metrics;

/// <summary>One sample of the run: elapsed time, score, requests per second since the last sample, watchers, errors.</summary>
public sealed record TimeSeriesPoint(TimeSpan Elapsed, long Score, double RequestsPerSecond, long Watchers, long Errors);
