using IsuBench.Engine.Tls;

namespace IsuBench.Engine.Metrics;

/// <summary>One distinct message: its kind, how often it occurred and when it was first seen.</summary>
public sealed record ErrorEntry(ErrorKind Kind, string Message, long Count, DateTimeOffset FirstSeen);
