namespace IsuBench.Engine.Metrics;

/// <summary>The counts so far of the messages an <see cref="ErrorLedger"/> tracks (first seen first) and of every other occurrence.</summary>
public sealed record TrackedErrorCounts(IReadOnlyList<ErrorEntry> Messages, long Other);
