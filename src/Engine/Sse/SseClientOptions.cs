namespace IsuBench.Engine.Sse;

/// <summary>How an <see cref="SseClient"/> reconnects and how much it accepts.</summary>
public sealed record SseClientOptions
{
    /// <summary>Wait before reconnecting until the server sends <c>retry:</c>.</summary>
    public TimeSpan DefaultRetry { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Always wait <see cref="DefaultRetry"/> and ignore <c>retry:</c>, as the original benchmark did.</summary>
    public bool CompatRetry { get; init; }

    /// <summary>Largest event (bytes between blank lines); a larger one is an error and drops the connection.</summary>
    public int MaxEventBytes { get; init; } = 1024 * 1024;

    /// <summary>How streams are opened: the engine's own socket client for http origins (the default) or HttpClient.</summary>
    public SseTransport Transport { get; init; } = SseTransport.Socket;

    /// <summary>The endpoint name under which stream openings are recorded.</summary>
    public string Endpoint { get; init; } = "GET /api/stream/rooms/{id}";
}
