namespace IsuBench.Engine.Metrics;

/// <summary>One end of a <see cref="MeasuredWindow"/>: the instant on the run's monotonic clock and the requests finished by then.</summary>
public readonly record struct WindowMark(TimeSpan At, long Requests);
