using System.Collections.Concurrent;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using IsuBench.Engine.Tls;

namespace IsuBench.Engine.Http;

/// <summary>
/// Opens the bench's TLS connections: with its own TLS 1.3 client (<see cref="TlsClientStream"/>), and for a server that will not
/// make that handshake (one of TLS 1.2, say, which the original's Go client spoke too) with the platform's <see cref="SslStream"/>
/// on a new connection, which the origin then keeps for the rest of the process. Any certificate is accepted
/// (docs/contract.md §2.1).
/// </summary>
internal static class TlsConnector
{
    private static readonly ConcurrentDictionary<string, bool> PlatformOrigins = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A TLS connection to <paramref name="host"/>:<paramref name="port"/>; a failed handshake is an <see cref="HttpRequestException"/>.</summary>
    public static async Task<Stream> ConnectAsync(string host, int port, string serverName, CancellationToken cancellationToken)
    {
        string origin = $"{host}:{port}";
        if (!PlatformOrigins.ContainsKey(origin))
        {
            var network = new NetworkStream(await TcpConnector.ConnectAsync(host, port, cancellationToken), ownsSocket: true);
            try
            {
                return await TlsClientStream.ConnectAsync(network, serverName, cancellationToken);
            }
            catch (TlsException refused) when (!refused.NotTls13)
            {
                throw new HttpRequestException($"the TLS handshake with {serverName} failed: {refused.Message}", refused);
            }
            catch (TlsException)
            {
                // Not this client's TLS 1.3: the platform's stack tries below.
            }
        }
        var fallback = new SslStream(new NetworkStream(await TcpConnector.ConnectAsync(host, port, cancellationToken), ownsSocket: true), leaveInnerStreamOpen: false);
        try
        {
            await fallback.AuthenticateAsClientAsync(AnyCertificate(serverName), cancellationToken);
        }
        catch (Exception exception)
        {
            await fallback.DisposeAsync();
            if (exception is AuthenticationException)
                throw new HttpRequestException($"the TLS handshake with {serverName} failed: {exception.Message}", exception);
            throw;
        }
        PlatformOrigins.TryAdd(origin, true);
        return fallback;
    }

    // Any certificate, without building a chain against the system's trust store (an answer ignored anyway, and about 0.4 ms
    // of CPU per handshake) and without a session cache (the original's client resumed nothing).
    private static SslClientAuthenticationOptions AnyCertificate(string serverName) => new()
    {
        TargetHost = serverName,
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
