using System.Net;

namespace IsuBench.Scenarios.Engine;

/// <summary>Builds the bench's HTTP handlers: no cookies (sessions keep their own), no redirects, any certificate.</summary>
public static class HttpHandlerFactory
{
    /// <summary>A handler for the bench; <paramref name="idleTimeout"/> bounds how long idle sockets are kept.</summary>
    public static SocketsHttpHandler Create(TimeSpan idleTimeout) => new()
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionIdleTimeout = idleTimeout,
        UseProxy = false,
        // Targets may use self-signed certificates (docs/contract.md §2.1).
        SslOptions = { RemoteCertificateValidationCallback = static (_, _, _, _) => true },
    };
}
