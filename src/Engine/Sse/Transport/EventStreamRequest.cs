using IsuBench.Engine.Http;

namespace IsuBench.Engine.Sse.Transport;

/// <summary>Writes the HTTP/1.1 GET that opens an event stream, with the headers HttpClient would send for it.</summary>
internal static class EventStreamRequest
{
    /// <summary>The request's bytes; throws <see cref="HttpRequestException"/> for a header value that would break the request apart.</summary>
    public static byte[] Format(Uri uri, string userAgent, string? lastEventId, string? cookie) =>
        lastEventId is null
            ? GetRequest.Format(uri, userAgent, cookie, ("Accept", "text/event-stream"), ("Cache-Control", "no-cache"))
            : GetRequest.Format(uri, userAgent, cookie, ("Accept", "text/event-stream"), ("Cache-Control", "no-cache"), ("Last-Event-ID", lastEventId));
}
