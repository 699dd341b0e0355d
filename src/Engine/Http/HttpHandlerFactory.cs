using System.Net;

namespace IsuBench.Engine.Http;

/// <summary>Builds the bench's HTTP handlers: no cookies (sessions keep their own), no redirects, any certificate (docs/contract.md §2.1).</summary>
internal static class HttpHandlerFactory
{
    /// <summary>
    /// A handler for the bench; <paramref name="idleTimeout"/> bounds how long idle sockets are kept. https requests are carried
    /// over the TLS stack <paramref name="tls"/> picks (<see cref="HttpsOriginHandler"/>).
    /// </summary>
    public static HttpMessageHandler Create(TimeSpan idleTimeout, TlsConnector tls) => new HttpsOriginHandler(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TcpConnector.ConnectTimeout,
        PooledConnectionIdleTimeout = idleTimeout,
        UseProxy = false,
        // Every socket of the bench counts against its budget of descriptors, and TLS is made there.
        ConnectCallback = (context, token) => TcpConnector.ConnectStreamAsync(tls, context, token),
    });
}
