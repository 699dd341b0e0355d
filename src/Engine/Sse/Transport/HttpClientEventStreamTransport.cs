using IsuBench.Engine.Http;

namespace IsuBench.Engine.Sse.Transport;

/// <summary>Opens streams through the session's HttpClient handler (needed for https, and kept for comparison).</summary>
internal sealed class HttpClientEventStreamTransport : IEventStreamTransport
{
    /// <summary>The one instance; it holds no state.</summary>
    public static readonly HttpClientEventStreamTransport Instance = new();

    /// <inheritdoc />
    public async Task<EventStreamResponse> OpenAsync(Session session, Uri uri, string? lastEventId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("Accept", "text/event-stream");
        request.Headers.TryAddWithoutValidation("Cache-Control", "no-cache");
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }
        var response = await session.SendRawAsync(request, cancellationToken);
        try
        {
            // Read without the typed ContentType property, which would keep a parsed header object alive for as long as the stream is open.
            string? contentType = response.Content.Headers.NonValidated.TryGetValues("Content-Type", out var values) && values.Count == 1
                ? values.ToString()
                : null;
            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return new EventStreamResponse((int)response.StatusCode, contentType, body, response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
