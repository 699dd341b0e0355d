using System.Text;

namespace IsuBench.Engine.Http;

/// <summary>Writes an HTTP/1.1 GET for the connections the engine holds itself, with the headers HttpClient would send.</summary>
internal static class GetRequest
{
    /// <summary>The request's bytes; throws <see cref="HttpRequestException"/> for a header value that would break the request apart.</summary>
    public static byte[] Format(Uri uri, string userAgent, string? cookie, params IEnumerable<(string Name, string Value)> headers)
    {
        var text = new StringBuilder(256)
            .Append("GET ").Append(uri.PathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(uri.Authority).Append("\r\n");
        Append(text, "User-Agent", userAgent);
        foreach (var (name, value) in headers)
        {
            Append(text, name, value);
        }
        if (cookie is not null)
        {
            Append(text, "Cookie", cookie);
        }
        return Encoding.UTF8.GetBytes(text.Append("\r\n").ToString());
    }

    private static void Append(StringBuilder text, string name, string value)
    {
        // A value may come from the server (an event id, a cookie): CR, LF or NUL in it would end the header early or inject another one.
        if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
        {
            throw new HttpRequestException($"the {name} header value contains a line break or NUL");
        }
        text.Append(name).Append(": ").Append(value).Append("\r\n");
    }
}
