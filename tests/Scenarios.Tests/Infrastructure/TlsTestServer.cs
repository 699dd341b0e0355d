using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace IsuBench.Tests.Scenarios.Infrastructure;

/// <summary>
/// A TLS server on 127.0.0.1 made with the platform's own stack (SslStream over OpenSSL): each connection gets one HTTP/1.1
/// response of a body the test chose, after the request head; for the bench's TLS client to meet a real server.
/// </summary>
public sealed class TlsTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly X509Certificate2 _certificate;
    private readonly SslProtocols _protocols;
    private readonly CipherSuitesPolicy? _suites;
    private readonly byte[] _body;
    private readonly Task _accepting;

    private TlsTestServer(X509Certificate2 certificate, SslProtocols protocols, CipherSuitesPolicy? suites, byte[] body)
    {
        _certificate = certificate;
        _protocols = protocols;
        _suites = suites;
        _body = body;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The https origin.</summary>
    public Uri Origin => new($"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>What failed on the server's side before its answer's body (a handshake it refused, a request cut short), for the test to show.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>
    /// Starts a server with <paramref name="certificate"/> that speaks <paramref name="protocols"/> (and only
    /// <paramref name="suites"/>, when given) and answers <paramref name="body"/>.
    /// </summary>
    public static TlsTestServer Start(
        X509Certificate2 certificate, byte[] body, SslProtocols protocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        CipherSuitesPolicy? suites = null) =>
        new(certificate, protocols, suites, body);

    /// <summary>A self-signed certificate for 127.0.0.1 with an RSA 2048 or an ECDSA P-256 key.</summary>
    public static X509Certificate2 Certificate(bool ecdsa)
    {
        using AsymmetricAlgorithm key = ecdsa ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : RSA.Create(2048);
        var request = key is ECDsa ec
            ? new CertificateRequest("CN=127.0.0.1", ec, HashAlgorithmName.SHA256)
            : new CertificateRequest("CN=127.0.0.1", (RSA)key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                connections.Add(ServeAsync(await _listener.AcceptTcpClientAsync(_stop.Token)));
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                break;
            }
        }
        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await using var tls = new SslStream(client.GetStream());
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = _certificate,
                    EnabledSslProtocols = _protocols,
                    CipherSuitesPolicy = _suites,
                }, _stop.Token);
                var head = new StringBuilder();
                var buffer = new byte[4096];
                while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    int read = await tls.ReadAsync(buffer, _stop.Token);
                    if (read == 0) return;
                    head.Append(Encoding.Latin1.GetString(buffer, 0, read));
                }
                await tls.WriteAsync(Encoding.Latin1.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {_body.Length}\r\nConnection: close\r\n\r\n"), _stop.Token);
                try
                {
                    await tls.WriteAsync(_body, _stop.Token);
                    await tls.ShutdownAsync();
                }
                catch (IOException)
                {
                    // The client hung up once it had the head: the bench's image requests read no body, by design.
                }
            }
            catch (Exception exception) when (exception is IOException or AuthenticationException or OperationCanceledException)
            {
                lock (Failures) Failures.Add(exception.Message);
            }
        }
    }
}
