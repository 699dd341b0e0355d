using System.Text;

namespace IsuBench.Scenarios.Sse.Transport;

/// <summary>Writes the HTTP/1.1 GET that opens an event stream, with the headers HttpClient would send for it.</summary>
public static class EventStreamRequest
{
    /// <summary>The request's bytes; throws <see cref="HttpRequestException"/> for a header value that would break the request apart.</summary>
    public static byte[] Format(Uri uri, string userAgent, string? lastEventId, string? cookie)
    {
        var text = new StringBuilder(256)
            .Append("GET ").Append(uri.PathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(uri.Authority).Append("\r\n");
        Append(text, "User-Agent", userAgent);
        text.Append("Accept: text/event-stream\r\nCache-Control: no-cache\r\n");
        if (lastEventId is not null)
        {
            Append(text, "Last-Event-ID", lastEventId);
        }
        if (cookie is not null)
        {
            Append(text, "Cookie", cookie);
        }
        return Encoding.UTF8.GetBytes(text.Append("\r\n").ToString());
    }

    private static void Append(StringBuilder text, string name, string value)
    {
        // An event id comes from the server; CR, LF or NUL in it would end the header early or inject another one.
        if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new HttpRequestException($"the {name} header value contains a line break or NUL");
        }
        text.Append(name).Append(": ").Append(value).Append("\r\n");
    }
}
