using System.Net.Sockets;
using System.Text;

namespace IsuBench.Integration.Reliability;

/// <summary>A response read off a raw socket: status, headers (lower-case names) and the decoded body.</summary>
public sealed record RawHttpResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The Content-Type header, or empty.</summary>
    public string ContentType => Headers.TryGetValue("content-type", out var value) ? value : "";

    /// <summary>The body as UTF-8 text.</summary>
    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// HTTP/1.1 over a bare socket, for what HttpClient refuses to send: bodies trickled byte by byte, bodies cut short,
/// illegal header bytes, broken framing. Every request carries <c>Connection: close</c> so the response ends with the socket.
/// </summary>
public static class RawHttpExchange
{
    /// <summary>Largest response read; a larger one fails the test rather than filling memory.</summary>
    private const int MaxResponseBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Sends <paramref name="head"/> (request line and headers, without the blank line) and then <paramref name="body"/>,
    /// waiting <paramref name="byteDelay"/> between body bytes when given; when <paramref name="halfClose"/> is set the
    /// sending side is shut after the body (a truncated body then ends early). Returns null when the server closed
    /// without a response.
    /// </summary>
    public static async Task<RawHttpResponse?> SendAsync(Uri server, string head, byte[]? body, TimeSpan? byteDelay,
        bool halfClose, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = client.GetStream();
        var headBytes = Encoding.Latin1.GetBytes(head.TrimEnd('\r', '\n') + "\r\nConnection: close\r\n\r\n");
        try
        {
            await stream.WriteAsync(headBytes, cancellationToken);
            if (body is not null && byteDelay is { } delay)
            {
                for (var i = 0; i < body.Length; i++)
                {
                    await stream.WriteAsync(body.AsMemory(i, 1), cancellationToken);
                    await Task.Delay(delay, cancellationToken);
                }
            }
            else if (body is not null)
            {
                await stream.WriteAsync(body, cancellationToken);
            }
            if (halfClose) client.Client.Shutdown(SocketShutdown.Send);
        }
        catch (IOException)
        {
            // The server may answer and close before the whole request is sent (e.g. an early 413); read what it said.
        }
        return Parse(await ReadToEndAsync(stream, cancellationToken));
    }

    /// <summary>Sends raw bytes as the whole request (for malformed request lines and headers) and reads the answer.</summary>
    public static async Task<RawHttpResponse?> SendBytesAsync(Uri server, byte[] request, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(request, cancellationToken);
        }
        catch (IOException)
        {
        }
        return Parse(await ReadToEndAsync(stream, cancellationToken));
    }

    private static async Task<byte[]> ReadToEndAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxResponseBytes) throw new InvalidDataException($"response over {MaxResponseBytes} bytes");
            }
        }
        catch (IOException)
        {
            // A reset after the response (the server closing a connection with unread request bytes) ends it too.
        }
        return buffer.ToArray();
    }

    private static RawHttpResponse? Parse(byte[] raw)
    {
        var text = Encoding.Latin1.GetString(raw);
        var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headEnd < 0) return null;
        var lines = text[..headEnd].Split("\r\n");
        var statusParts = lines[0].Split(' ', 3);
        if (statusParts.Length < 2 || !int.TryParse(statusParts[1], out var status)) return null;
        var headers = new Dictionary<string, string>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }
        var body = raw.AsSpan(headEnd + 4).ToArray();
        if (headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            body = Dechunk(body);
        return new RawHttpResponse(status, headers, body);
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        using var output = new MemoryStream();
        var position = 0;
        while (position < chunked.Length)
        {
            var lineEnd = chunked.AsSpan(position).IndexOf("\r\n"u8);
            if (lineEnd < 0) break;
            var sizeText = Encoding.ASCII.GetString(chunked, position, lineEnd).Split(';')[0];
            if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out var size) || size == 0) break;
            position += lineEnd + 2;
            size = Math.Min(size, chunked.Length - position);
            output.Write(chunked, position, size);
            position += size + 2;
        }
        return output.ToArray();
    }
}
