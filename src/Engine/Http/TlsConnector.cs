using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using IsuBench.Engine.Tls;

namespace IsuBench.Engine.Http;

/// <summary>
/// Opens a run's TLS connections with the stack <c>--tls</c> chose: the bench's own TLS 1.3 and 1.2 client
/// (<see cref="TlsClientStream"/>), the platform's <see cref="SslStream"/>, or (auto) the own client and, for an origin that
/// accepts nothing it offers (a server of CBC suites or RSA key exchange only, which the platform's stack still speaks) or where
/// it cannot run (OpenSSL 3's libcrypto missing), the platform's from then on. Each origin's stack, protocol and reason go into <see
/// cref="TlsOrigins"/>. Any certificate is accepted
/// (docs/contract.md §2.1).
/// </summary>
internal sealed class TlsConnector
{
    /// <summary>The own client's handshake over a connected stream; a seam for tests of what the connector does when it fails.</summary>
    internal delegate Task<TlsClientStream> OwnHandshake(Stream connection, string serverName, CancellationToken cancellationToken);

    private readonly TlsStackChoice _choice;
    private readonly OwnHandshake _ownHandshake;
    private string? _ownUnavailable;

    /// <summary>A connector for <paramref name="choice"/> that records into <paramref name="origins"/>.</summary>
    public TlsConnector(TlsStackChoice choice, TlsOrigins origins, OwnHandshake? ownHandshake = null)
    {
        _choice = choice;
        Origins = origins;
        _ownHandshake = ownHandshake
            ?? ((connection, serverName, token) => TlsClientStream.ConnectAsync(connection, serverName, token));
    }

    /// <summary>For sessions made without a factory: auto, recorded nowhere that is read.</summary>
    public static TlsConnector Unrecorded { get; } = new(TlsStackChoice.Auto, new TlsOrigins());

    /// <summary>What the connections went through, by origin.</summary>
    public TlsOrigins Origins { get; }

    /// <summary>A TLS connection to <paramref name="host"/>:<paramref name="port"/>; a failed handshake is an <see cref="HttpRequestException"/>.</summary>
    public async Task<Stream> ConnectAsync(string host, int port, string serverName, CancellationToken cancellationToken)
    {
        string origin = host.Contains(':', StringComparison.Ordinal) ? $"https://[{host}]:{port}" : $"https://{host}:{port}";
        if (_choice == TlsStackChoice.Platform)
            return await PlatformAsync(origin, host, port, serverName, "--tls platform", warning: null, cancellationToken);
        if (_choice == TlsStackChoice.Auto && Volatile.Read(ref _ownUnavailable) is { } unavailable)
            return await PlatformAsync(origin, host, port, serverName, unavailable, unavailable, cancellationToken);
        if (_choice == TlsStackChoice.Auto && Origins.ServedByPlatform(origin))
            return await PlatformAsync(origin, host, port, serverName, reason: null, warning: null, cancellationToken);

        var network = new NetworkStream(await TcpConnector.ConnectAsync(host, port, cancellationToken), ownsSocket: true);
        string fallbackReason;
        string? warning = null;
        try
        {
            var stream = await _ownHandshake(network, serverName, cancellationToken);
            string reason = _choice == TlsStackChoice.Own ? "--tls own" : $"the server accepted {stream.Protocol}";
            Origins.Own(origin, stream.Protocol, stream.CipherSuite, reason);
            return stream;
        }
        catch (TlsException failed) when (!failed.OfferRefused)
        {
            await network.DisposeAsync();
            throw new HttpRequestException($"the TLS handshake with {serverName} failed: {failed.Message}", failed);
        }
        catch (TlsException refused)
        {
            await network.DisposeAsync();
            fallbackReason = $"the server accepts nothing the own client offers ({refused.Message})";
            if (_choice == TlsStackChoice.Own)
            {
                Origins.Refused(origin, $"{fallbackReason}; --tls own tries no other stack");
                throw new HttpRequestException($"the TLS handshake with {serverName} failed: {refused.Message}; "
                    + "--tls own tries no other stack (--tls auto or platform would)", refused);
            }
        }
        catch (Exception missing) when (missing is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException)
        {
            await network.DisposeAsync();
            fallbackReason = $"the bench's own TLS client cannot run here: {MissingLibrary(missing)}";
            if (_choice == TlsStackChoice.Own)
            {
                Origins.Refused(origin, $"{fallbackReason}; --tls own tries no other stack");
                throw new HttpRequestException($"{fallbackReason}; --tls own tries no other stack (--tls auto or platform would)", missing);
            }
            warning = fallbackReason;
            Volatile.Write(ref _ownUnavailable, fallbackReason);
        }
        return await PlatformAsync(origin, host, port, serverName, fallbackReason, warning, cancellationToken);
    }

    // What a missing or unfit OS library is called in a report: the interop's own message is long and names every path it tried.
    internal static string MissingLibrary(Exception exception) => exception switch
    {
        DllNotFoundException => $"{X25519KeyShare.Library} not found",
        EntryPointNotFoundException entry => $"{X25519KeyShare.Library} lacks a function it needs ({entry.Message})",
        TypeInitializationException { InnerException: { } inner } => MissingLibrary(inner),
        _ => exception.Message,
    };

    // reason null: the origin is already served by the platform's stack, and the reason it was given stands.
    private async Task<Stream> PlatformAsync(
        string origin, string host, int port, string serverName, string? reason, string? warning, CancellationToken cancellationToken)
    {
        var network = new NetworkStream(await TcpConnector.ConnectAsync(host, port, cancellationToken), ownsSocket: true);
        var tls = new SslStream(network, leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsClientAsync(AnyCertificate(serverName), cancellationToken);
        }
        catch (Exception exception)
        {
            await tls.DisposeAsync();
            if (exception is AuthenticationException)
                throw new HttpRequestException($"the TLS handshake with {serverName} failed: {exception.Message}", exception);
            throw;
        }
        Origins.Platform(origin, ProtocolName(tls.SslProtocol), tls.NegotiatedCipherSuite.ToString(), reason, warning);
        return tls;
    }

#pragma warning disable SYSLIB0039, CS0618 // the names of old protocols, only to report what a server chose
    private static string ProtocolName(SslProtocols protocol) => protocol switch
    {
        SslProtocols.Tls13 => "TLS 1.3",
        SslProtocols.Tls12 => "TLS 1.2",
        SslProtocols.Tls11 => "TLS 1.1",
        SslProtocols.Tls => "TLS 1.0",
        _ => protocol.ToString(),
    };
#pragma warning restore SYSLIB0039, CS0618

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
