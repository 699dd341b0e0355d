using System.Net;
using System.Net.Sockets;

namespace IsuBench.Engine.Http;

/// <summary>
/// Opens every TCP connection of the bench (event streams, status-only requests, and the sessions' handlers through
/// their connect callback), each within <see cref="SocketBudget"/> and the same time bound.
/// </summary>
internal static class TcpConnector
{
    /// <summary>How long a connection may take (the same bound as <see cref="HttpHandlerFactory"/>'s).</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Connects to <paramref name="uri"/>'s host and port, trying each address in turn (localhost may name ::1 before 127.0.0.1).
    /// Failures come back as <see cref="HttpRequestException"/>; running out of descriptors fails here too, and the callers
    /// recognise it as the bench's own limit.
    /// </summary>
    public static Task<Socket> ConnectAsync(Uri uri, CancellationToken cancellationToken) =>
        ConnectAsync(uri.DnsSafeHost, uri.Port, cancellationToken);

    /// <summary>
    /// A <see cref="SocketsHttpHandler.ConnectCallback"/> (with <paramref name="tls"/> bound) that connects through
    /// <see cref="ConnectAsync(Uri, CancellationToken)"/>, over TLS (<paramref name="tls"/>) when <see cref="HttpsOriginHandler"/>
    /// marked the request.
    /// </summary>
    public static async ValueTask<Stream> ConnectStreamAsync(
        TlsConnector tls, SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        return context.InitialRequestMessage.Options.TryGetValue(HttpsOriginHandler.TlsServerName, out string? serverName)
            ? await tls.ConnectAsync(host, port, serverName, cancellationToken)
            : new NetworkStream(await ConnectAsync(host, port, cancellationToken), ownsSocket: true);
    }

    /// <summary>Connects to <paramref name="host"/>:<paramref name="port"/> (see <see cref="ConnectAsync(Uri, CancellationToken)"/>).</summary>
    public static async Task<Socket> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            IPAddress[] addresses = IPAddress.TryParse(host, out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(host, timeout.Token);
            SocketException? last = null;
            foreach (var address in addresses)
            {
                var socket = BudgetedSocket.Open(address.AddressFamily, SocketBudget.Process);
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(address, port), timeout.Token);
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
            throw new HttpRequestException($"connecting to {host}:{port} timed out after {ConnectTimeout.TotalSeconds:0} s");
        }
        catch (SocketException exception)
        {
            throw new HttpRequestException($"{exception.Message} ({host}:{port})", exception);
        }
    }
}
