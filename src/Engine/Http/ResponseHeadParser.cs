using System.Globalization;
using System.Text;

namespace IsuBench.Engine.Http;

/// <summary>
/// Parses an HTTP/1.x response head (status line and header fields up to the empty line) from the bytes received so
/// far: a pure function of bytes, so that every malformed head a server may send can be tested without a socket.
/// Lines may end with CRLF or a bare LF, as HttpClient also accepts.
/// </summary>
internal static class ResponseHeadParser
{
    /// <summary>
    /// Returns the parsed head and how many bytes it took, or null (and <paramref name="length"/> 0) while the head is
    /// incomplete. Throws <see cref="HttpRequestException"/> for a head that is not HTTP/1.x.
    /// </summary>
    public static ResponseHead? TryParse(ReadOnlySpan<byte> bytes, out int length)
    {
        length = 0;
        int end = EndOfHead(bytes);
        if (end < 0)
        {
            return null;
        }
        var head = bytes[..end];
        int status = 0;
        string? contentType = null;
        int contentTypes = 0;
        string? transferEncoding = null;
        long? contentLength = null;
        var setCookies = new List<string>();
        bool first = true;
        while (!head.IsEmpty)
        {
            int newline = head.IndexOf((byte)'\n');
            var line = head[..newline];
            head = head[(newline + 1)..];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }
            if (first)
            {
                status = ParseStatusLine(line);
                first = false;
                continue;
            }
            if (line.IsEmpty)
            {
                break; // the empty line that ends the head
            }
            var (name, value) = ParseField(line);
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
                contentTypes++;
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                transferEncoding = transferEncoding is null ? value : transferEncoding + ", " + value;
            }
            else if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long parsed)
                    || (contentLength is { } earlier && earlier != parsed))
                {
                    throw Invalid($"invalid Content-Length '{value}'");
                }
                contentLength = parsed;
            }
            else if (name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase))
            {
                setCookies.Add(value);
            }
        }
        length = end;
        // RFC 9112 §6.3: Transfer-Encoding overrides Content-Length; a final coding other than chunked means "until close".
        var framing = transferEncoding is not null
            ? (LastCoding(transferEncoding).Equals("chunked", StringComparison.OrdinalIgnoreCase) ? BodyFraming.Chunked : BodyFraming.UntilClose)
            : contentLength is not null ? BodyFraming.ContentLength : BodyFraming.UntilClose;
        return new ResponseHead(status, contentTypes == 1 ? contentType : null, framing,
            framing == BodyFraming.ContentLength ? contentLength!.Value : 0, setCookies);
    }

    // The index just past the empty line that ends the head, or -1 while it has not arrived.
    private static int EndOfHead(ReadOnlySpan<byte> bytes)
    {
        int lineStart = 0;
        while (true)
        {
            int newline = bytes[lineStart..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                return -1;
            }
            int lineLength = newline;
            if (lineLength > 0 && bytes[lineStart + lineLength - 1] == (byte)'\r')
            {
                lineLength--;
            }
            if (lineLength == 0 && lineStart > 0)
            {
                return lineStart + newline + 1;
            }
            lineStart += newline + 1;
        }
    }

    private static int ParseStatusLine(ReadOnlySpan<byte> line)
    {
        // HTTP/1.1 200 OK  (the reason phrase may be empty or missing)
        if (line.Length < 12 || !line.StartsWith("HTTP/1."u8) || !char.IsAsciiDigit((char)line[7]) || line[8] != (byte)' '
            || !int.TryParse(line.Slice(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out int status)
            || status < 100 || (line.Length > 12 && line[12] != (byte)' '))
        {
            throw Invalid($"invalid status line '{Describe(line)}'");
        }
        return status;
    }

    private static (string Name, string Value) ParseField(ReadOnlySpan<byte> line)
    {
        int colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            throw Invalid($"invalid header line '{Describe(line)}'");
        }
        var name = line[..colon];
        foreach (byte b in name)
        {
            // A field name is a token; whitespace before the colon or an obsolete folded line are rejected (RFC 9112 §5).
            if (b <= (byte)' ' || b >= 0x7F || "\"(),/:;<=>?@[\\]{}"u8.Contains(b))
            {
                throw Invalid($"invalid header name '{Describe(name)}'");
            }
        }
        var value = line[(colon + 1)..].Trim(" \t"u8);
        return (Encoding.ASCII.GetString(name), Encoding.Latin1.GetString(value));
    }

    private static string LastCoding(string transferEncoding)
    {
        int comma = transferEncoding.LastIndexOf(',');
        return transferEncoding[(comma + 1)..].Trim();
    }

    private static string Describe(ReadOnlySpan<byte> bytes)
    {
        const int Shown = 60;
        string text = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, Shown)]);
        return bytes.Length > Shown ? text + "…" : text;
    }

    private static HttpRequestException Invalid(string message) => new($"malformed response: {message}");
}
