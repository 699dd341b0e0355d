namespace IsuBench.Integration.Mutants;

/// <summary>One SSE response relayed by the proxy: what the client asked with, and a switch for a mutant to end it early.</summary>
public sealed class StreamConnection(string path, string? lastEventId)
{
    /// <summary>The stream's path.</summary>
    public string Path { get; } = path;

    /// <summary>The <c>Last-Event-ID</c> the client sent, or null on a first connection.</summary>
    public string? LastEventId { get; } = lastEventId;

    /// <summary>The type of the event being relayed (from its <c>event:</c> line), or null between events.</summary>
    public string? EventType { get; set; }

    /// <summary>Stroke events relayed so far on this response, counted when their blank line arrives.</summary>
    public int Strokes { get; set; }

    /// <summary>Set to end the response after the current line, as a server ending its stream would.</summary>
    public bool End { get; set; }
}
