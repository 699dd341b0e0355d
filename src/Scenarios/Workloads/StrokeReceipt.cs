namespace IsuBench.Scenarios.Workloads;

/// <summary>A stroke one watcher received: which watcher, which stroke, how many points it had, when it arrived, and when the watcher joined.</summary>
internal sealed record StrokeReceipt(int WatcherId, long StrokeId, int PointCount, DateTimeOffset ReceivedAt, DateTimeOffset JoinedAt);
