using System.Net.Sockets;

namespace IsuBench.Scenarios.Engine.Http;

/// <summary>
/// A GET on a connection of its own, read to the end of the response head and then closed, body unread: how the original
/// benchmark loaded images (its HTTP client dropped every connection whose body was left unread). Done on a socket rather than
/// through HttpClient, whose per-connection machinery cost about 0.2 ms of CPU more per request for nothing used here.
/// </summary>
public static class HeadOnlyGet
{
    /// <summary>Sends the GET and returns the response head; transport and TLS failures come back as <see cref="HttpRequestException"/> or <see cref="IOException"/>.</summary>
    public static async Task<ResponseHead> SendAsync(Uri uri, string userAgent, string? cookie, CancellationToken cancellationToken)
    {
        byte[] request = GetRequest.Format(uri, userAgent, cookie, ("Connection", "close"));
        var socket = await TcpConnector.ConnectAsync(uri, cancellationToken);
        Stream network = new NetworkStream(socket, ownsSocket: true);
        // The TLS stream owns the connection, and disposes it also when its handshake fails.
        await using var stream = uri.Scheme == Uri.UriSchemeHttps ? await TcpConnector.ConnectTlsAsync(network, uri.IdnHost, cancellationToken) : network;
        await stream.WriteAsync(request, cancellationToken);
        var (head, _) = await ResponseHeadReader.ReadAsync(stream.ReadAsync, cancellationToken, keepBody: false);
        return head;
    }
}
