using System.Net;
using System.Net.Sockets;

namespace IsuBench.Scenarios.Engine.Http;

/// <summary>Opens the engine's own TCP connections (event streams, status-only requests), bounded as the sessions' handlers are.</summary>
public static class TcpConnector
{
    /// <summary>How long a connection may take (the same bound as <see cref="HttpHandlerFactory"/>'s).</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Connects to <paramref name="uri"/>'s host and port, trying each address in turn (localhost may name ::1 before 127.0.0.1).
    /// Failures come back as <see cref="HttpRequestException"/>; running out of descriptors fails here too, and the callers
    /// recognise it as the bench's own limit.
    /// </summary>
    public static async Task<Socket> ConnectAsync(Uri uri, CancellationToken cancellationToken)
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
}
