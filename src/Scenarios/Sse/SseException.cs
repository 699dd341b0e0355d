namespace IsuBench.Scenarios.Sse;

/// <summary>A stream failure the client does not recover from by reconnecting.</summary>
public sealed class SseException(SseFailureKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>What went wrong.</summary>
    public SseFailureKind Kind { get; } = kind;

    /// <summary>The failed verdict of the stream rule that decided it, when a rule did (a wrong status or Content-Type).</summary>
    public Verdict? Verdict { get; init; }
}
