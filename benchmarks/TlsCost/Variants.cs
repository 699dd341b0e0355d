using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using IsuBench.Engine.Execution;
using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;
using IsuBench.Scenarios.Judging;

namespace IsuBench.Benchmarks.TlsCost;

/// <summary>
/// The connections measured: through isubench's own session code (its image requests make exactly one new connection each,
/// one GET, the head read, then closed, as the original's benchmark did) with each TLS stack, and SslStream directly with options
/// that might spare it work.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public static class Variants
{
    private static readonly X509ChainPolicy SharedPolicy = new()
    {
        TrustMode = X509ChainTrustMode.CustomRootTrust,
        RevocationMode = X509RevocationMode.NoCheck,
        DisableCertificateDownloads = true,
    };

    /// <summary>All variants against a TLS 1.2-only origin and a TLS 1.3-only one.</summary>
    public static IReadOnlyList<ConnectionVariant> All(Uri tls12, Uri tls13, IList<IDisposable> keep) =>
    [
        Bench("own TLS 1.3 (isubench --tls own/auto)", tls13, TlsStackChoice.Own, keep),
        Bench("own TLS 1.2 (isubench --tls own/auto)", tls12, TlsStackChoice.Own, keep),
        Bench("SslStream TLS 1.3 (isubench --tls platform)", tls13, TlsStackChoice.Platform, keep),
        Bench("SslStream TLS 1.2 (isubench --tls platform)", tls12, TlsStackChoice.Platform, keep),
        Direct("SslStream TLS 1.2, callback only (defaults otherwise)", tls12, _ => new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = static (_, _, _, _) => true,
        }),
        Direct("SslStream TLS 1.2, isubench's options (no revocation, empty custom root trust, no resumption)", tls12,
            _ => Spared(change: null)),
        Direct("SslStream TLS 1.2, same with one X509ChainPolicy shared by all connections", tls12,
            _ => Spared(policy => policy.CertificateChainPolicy = SharedPolicy)),
        Direct("SslStream TLS 1.2, same with only ECDHE-RSA-AES128-GCM-SHA256 offered", tls12,
            _ => Spared(policy => policy.CipherSuitesPolicy = new([TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256]))),
        Direct("SslStream TLS 1.2, isubench's options but resumption allowed (not what the original did)", tls12,
            _ => Spared(policy => policy.AllowTlsResume = true)),
    ];

    private static SslClientAuthenticationOptions Spared(Action<SslClientAuthenticationOptions>? change = null)
    {
        var options = Spared();
        change?.Invoke(options);
        return options;
    }

    private static SslClientAuthenticationOptions Spared() => new()
    {
        TargetHost = "127.0.0.1",
        RemoteCertificateValidationCallback = static (_, _, _, _) => true,
        AllowTlsResume = false,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        CertificateChainPolicy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
            DisableCertificateDownloads = true,
        },
        EnabledSslProtocols = SslProtocols.None,
    };

    private static ConnectionVariant Bench(string name, Uri origin, TlsStackChoice tls, IList<IDisposable> keep)
    {
        var metrics = new RunMetrics(SystemClock.Instance, ScoreKinds.Scale);
        var sessions = new SessionFactory(new Targets([origin]), new SessionOptions { Tls = tls }, metrics);
        var session = sessions.Create(new Random(1));
        keep.Add(session);
        keep.Add(sessions);
        return new ConnectionVariant(name, async token =>
        {
            var response = await session.GetDiscardingBodyAsync("/", "GET /", token);
            if (response.Status != 200) throw new InvalidOperationException($"{name}: {response.Failure} {response.FailureMessage}");
        });
    }

    private static ConnectionVariant Direct(string name, Uri origin, Func<Uri, SslClientAuthenticationOptions> options)
    {
        byte[] request = Encoding.ASCII.GetBytes(
            $"GET / HTTP/1.1\r\nHost: {origin.Authority}\r\nUser-Agent: benchmarker\r\nConnection: close\r\n\r\n");
        return new ConnectionVariant(name, async token =>
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(origin.Host, origin.Port, token);
            await using var tls = new SslStream(new NetworkStream(socket, ownsSocket: true));
            await tls.AuthenticateAsClientAsync(options(origin), token);
            await tls.WriteAsync(request, token);
            await ReadHeadAsync(tls, token);
        });
    }

    // Up to the end of the response head, as isubench's image requests read.
    private static async Task ReadHeadAsync(Stream stream, CancellationToken token)
    {
        byte[] buffer = new byte[4096];
        int filled = 0;
        while (filled < buffer.Length)
        {
            int read = await stream.ReadAsync(buffer.AsMemory(filled), token);
            if (read == 0) break;
            filled += read;
            if (buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8) >= 0) return;
        }
        throw new InvalidOperationException("no response head");
    }
}
