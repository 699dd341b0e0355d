using IsuBench.Engine.Http;

namespace IsuBench.Engine.Sse.Transport;

/// <summary>Opens one event-stream response for a session; the SSE client decides what the status and Content-Type mean.</summary>
internal interface IEventStreamTransport
{
    /// <summary>
    /// Sends the GET with the session's user agent and cookies (and <c>Last-Event-ID</c> when given) and returns once the
    /// response head has arrived. Throws <see cref="HttpRequestException"/> or <see cref="IOException"/> when no response head
    /// could be read, and <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    Task<EventStreamResponse> OpenAsync(Session session, Uri uri, string? lastEventId, CancellationToken cancellationToken);
}
