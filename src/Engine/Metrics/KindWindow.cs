namespace IsuBench.Engine.Metrics;

/// <summary>
/// A stretch of the load phase in which the workload sent requests of <see cref="Kind"/> alone (<see cref="MeasuredWindow.OpenKind"/>):
/// its two ends, the second null while it is open.
/// </summary>
public sealed record KindWindow(string Kind, WindowMark Opened, WindowMark? Closed);
