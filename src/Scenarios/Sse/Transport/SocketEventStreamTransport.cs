using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace IsuBench.Scenarios.Sse.Transport;

/// <summary>
/// Opens a stream on a socket of its own: connect, write the GET, read the head with a pooled buffer that is returned at
/// once, then hand the socket to a <see cref="SocketBodyStream"/>. A stream never shares or reuses its connection, so
/// none of HttpClient's pooling and per-connection buffers is needed. Plain http only.
/// </summary>
public sealed class SocketEventStreamTransport : IEventStreamTransport
{
    /// <summary>The one instance; it holds no state.</summary>
    public static readonly SocketEventStreamTransport Instance = new();

    /// <summary>Largest response head accepted; a longer one is a malformed response, not unbounded buffering.</summary>
    public const int MaxHeadBytes = 64 * 1024;

    private const int FirstHeadBufferBytes = 4 * 1024;
    // The same bound as the sessions' handlers (HttpHandlerFactory).
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public async Task<EventStreamResponse> OpenAsync(Session session, Uri uri, string? lastEventId, CancellationToken cancellationToken)
    {
        if (uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"the socket transport speaks plain http, not {uri.Scheme}", nameof(uri));
        }
        byte[] request = EventStreamRequest.Format(uri, session.UserAgent, lastEventId, session.CookieHeaderFor(uri));
        var socket = await ConnectAsync(uri, cancellationToken);
        try
        {
            await SendAsync(socket, request, cancellationToken);
            var (head, pending) = await ReadHeadAsync(socket, cancellationToken);
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

    // Tries each address of the host in turn (localhost may name ::1 before 127.0.0.1), within one connect timeout.
    private static async Task<Socket> ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            IPAddress[] addresses = IPAddress.TryParse(uri.DnsSafeHost, out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(uri.DnsSafeHost, timeout.Token);
            SocketException? last = null;
            foreach (var address in addresses)
            {
                // Running out of descriptors fails here; the caller recognises it as the bench's own limit.
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(address, uri.Port), timeout.Token);
                    return socket;
                }
                catch (SocketException exception)
                {
                    socket.Dispose();
                    last = exception;
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            }
            throw last ?? new SocketException((int)SocketError.HostNotFound);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HttpRequestException($"connecting to {uri.Authority} timed out after {ConnectTimeout.TotalSeconds:0} s");
        }
        catch (SocketException exception)
        {
            throw new HttpRequestException($"{exception.Message} ({uri.Authority})", exception);
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

    // Reads until a final (non-1xx) head has arrived; returns it with the body bytes that came along, copied out exactly.
    private static async Task<(ResponseHead Head, byte[]? Pending)> ReadHeadAsync(Socket socket, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(FirstHeadBufferBytes);
        int filled = 0;
        try
        {
            while (true)
            {
                if (ResponseHeadParser.TryParse(buffer.AsSpan(0, filled), out int length) is { } head)
                {
                    buffer.AsSpan(length, filled - length).CopyTo(buffer);
                    filled -= length;
                    if (head.IsInterim)
                    {
                        continue; // e.g. 100 Continue or 103 Early Hints: the real response follows
                    }
                    return (head, filled > 0 ? buffer.AsSpan(0, filled).ToArray() : null);
                }
                if (filled == buffer.Length)
                {
                    if (buffer.Length >= MaxHeadBytes)
                    {
                        throw new HttpRequestException($"malformed response: head over {MaxHeadBytes / 1024} KB");
                    }
                    byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Min(2 * buffer.Length, MaxHeadBytes));
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                int read;
                try
                {
                    read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, cancellationToken);
                }
                catch (SocketException exception)
                {
                    throw new IOException($"reading the response head failed: {exception.Message}", exception);
                }
                if (read == 0)
                {
                    throw new HttpRequestException(filled == 0
                        ? "the server closed the connection without a response"
                        : "the server closed the connection in the middle of the response head");
                }
                filled += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
