using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace IsuBench.Scenarios.Engine.Http;

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
        SslOptions = AnyCertificate(),
        // Every socket of the bench counts against its budget of descriptors.
        ConnectCallback = TcpConnector.ConnectStreamAsync,
    };

    /// <summary>
    /// TLS options that accept any certificate (targets may use self-signed ones, docs/contract.md §2.1) without building a chain
    /// against the system's trust store: the answer is ignored anyway, and that search cost about 0.4 ms of CPU per handshake,
    /// which the original's Go client (InsecureSkipVerify) never paid. No TLS session cache either, as that client had none: every
    /// connection is a full handshake for the server, and the bench skips the cache's bookkeeping (about 0.035 ms per connection).
    /// </summary>
    public static SslClientAuthenticationOptions AnyCertificate() => new()
    {
        RemoteCertificateValidationCallback = static (_, _, _, _) => true,
        AllowTlsResume = false,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        CertificateChainPolicy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
            DisableCertificateDownloads = true,
        },
    };
}
