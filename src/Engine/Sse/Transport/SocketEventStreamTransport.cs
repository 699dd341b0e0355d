using System.Net.Sockets;
using IsuBench.Engine.Http;

namespace IsuBench.Engine.Sse.Transport;

/// <summary>
/// Opens a stream on a socket of its own: connect, write the GET, read the head with a pooled buffer that is returned at
/// once, then hand the socket to a <see cref="SocketBodyStream"/>. A stream never shares or reuses its connection, so
/// none of HttpClient's pooling and per-connection buffers is needed. Plain http only.
/// </summary>
internal sealed class SocketEventStreamTransport : IEventStreamTransport
{
    /// <summary>The one instance; it holds no state.</summary>
    public static readonly SocketEventStreamTransport Instance = new();


    /// <inheritdoc />
    public async Task<EventStreamResponse> OpenAsync(Session session, Uri uri, string? lastEventId, CancellationToken cancellationToken)
    {
        if (uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"the socket transport speaks plain http, not {uri.Scheme}", nameof(uri));
        }
        byte[] request = EventStreamRequest.Format(uri, session.UserAgent, lastEventId, session.CookieHeaderFor(uri));
        var socket = await TcpConnector.ConnectAsync(uri, cancellationToken);
        try
        {
            await SendAsync(socket, request, cancellationToken);
            var (head, pending) = await ResponseHeadReader.ReadAsync(ReceiveFrom(socket), cancellationToken);
            if (head.SetCookies.Count > 0)
            {
                session.StoreCookies(uri, head.SetCookies);
            }
            return new EventStreamResponse(head.Status, head.ContentType, new SocketBodyStream(socket, head, pending));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task SendAsync(Socket socket, ReadOnlyMemory<byte> request, CancellationToken cancellationToken)
    {
        try
        {
            while (!request.IsEmpty)
            {
                int sent = await socket.SendAsync(request, SocketFlags.None, cancellationToken);
                request = request[sent..];
            }
        }
        catch (SocketException exception)
        {
            throw new IOException($"sending the request failed: {exception.Message}", exception);
        }
    }

    private static Func<Memory<byte>, CancellationToken, ValueTask<int>> ReceiveFrom(Socket socket) => async (buffer, cancellationToken) =>
    {
        try
        {
            return await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
        }
        catch (SocketException exception)
        {
            throw new IOException($"reading the response head failed: {exception.Message}", exception);
        }
    };
}
