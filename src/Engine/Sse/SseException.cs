namespace IsuBench.Engine.Sse;

/// <summary>A stream failure the client does not recover from by reconnecting.</summary>
public sealed class SseException(SseFailureKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>What went wrong.</summary>
    public SseFailureKind Kind { get; } = kind;

    /// <summary>The response's status, when a wrong status or Content-Type ended the stream.</summary>
    public int? Status { get; init; }

    /// <summary>The response's Content-Type (null when it sent none), when a wrong status or Content-Type ended the stream.</summary>
    public string? ContentType { get; init; }
}
