using System.Net.Security;
using System.Security.Authentication;
using IsuBench.Engine.Http;
using IsuBench.Engine.Tls;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Tests.Scenarios.Engine.Tls;

/// <summary>
/// What <c>--tls</c> chooses and what a run learns of it: which stack served each origin, with what protocol, and why; an OS
/// library the own client lacks falls back to the platform's stack with a warning, never a crash.
/// </summary>
public sealed class TlsConnectorTests
{
#pragma warning disable SYSLIB0039 // TLS 1.2 alone, on purpose: a server of the original's day.
    private const SslProtocols Tls12Only = SslProtocols.Tls12;
#pragma warning restore SYSLIB0039

    [Fact]
    public async Task Auto_serves_a_TLS_1_3_server_with_the_own_client_and_says_so()
    {
        using var certificate = TlsTestServer.Certificate(ecdsa: false);
        await using var server = TlsTestServer.Start(certificate, "ok"u8.ToArray());
        using var sessions = TestRuns.Sessions(server.Origin);

        await GetTwiceAsync(sessions);

        var use = Assert.Single(sessions.Metrics.Tls.Snapshot());
        Assert.Equal((server.Origin.GetLeftPart(UriPartial.Authority), "own", "TLS 1.3", "TLS_AES_128_GCM_SHA256"),
            (use.Origin, use.Stack, use.Protocol, use.CipherSuite));
        Assert.Equal((2L, 0L, null), (use.OwnConnections, use.PlatformConnections, use.Warning));
        Assert.Equal("the server accepted TLS 1.3", use.Reason);
    }

    [Theory]
    [InlineData(false, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")]
    [InlineData(true, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")]
    public async Task Auto_serves_a_TLS_1_2_server_with_the_own_client_and_says_so(bool ecdsa, string suite)
    {
        using var certificate = TlsTestServer.Certificate(ecdsa);
        await using var server = TlsTestServer.Start(certificate, "ok"u8.ToArray(), Tls12Only);
        using var sessions = TestRuns.Sessions(server.Origin);

        await GetTwiceAsync(sessions);

        var use = Assert.Single(sessions.Metrics.Tls.Snapshot());
        Assert.Equal("the server accepted TLS 1.2", use.Reason);
        Assert.Equal(("own", "TLS 1.2", suite), (use.Stack, use.Protocol, use.CipherSuite));
        Assert.Equal((2L, 0L, null), (use.OwnConnections, use.PlatformConnections, use.Warning));
        Assert.Empty(server.Failures);
    }

    [Fact]
    public async Task Auto_serves_a_server_of_CBC_suites_only_with_the_platforms_stack_and_says_it_accepts_nothing_offered()
    {
        using var certificate = TlsTestServer.Certificate(ecdsa: false);
        await using var server = TlsTestServer.Start(certificate, "ok"u8.ToArray(), Tls12Only, CbcOnly());
        using var sessions = TestRuns.Sessions(server.Origin);

        await GetTwiceAsync(sessions);

        var use = Assert.Single(sessions.Metrics.Tls.Snapshot());
        Assert.Equal(("platform", "TLS 1.2", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"), (use.Stack, use.Protocol, use.CipherSuite));
        Assert.StartsWith("the server accepts nothing the own client offers (", use.Reason);
        Assert.Contains("handshake_failure", use.Reason);
        // The own client tried once; every later connection went straight to the platform's stack.
        Assert.Equal((0L, 2L), (use.OwnConnections, use.PlatformConnections));
        Assert.Single(server.Failures);
    }

    [Fact]
    public async Task Own_refuses_to_fall_back_and_the_request_fails_with_the_reason()
    {
        using var certificate = TlsTestServer.Certificate(ecdsa: false);
        await using var server = TlsTestServer.Start(certificate, "ok"u8.ToArray(), Tls12Only, CbcOnly());
        using var sessions = TestRuns.Sessions(server.Origin, options: new SessionOptions { Tls = TlsStackChoice.Own });
        using var session = sessions.Create(new Random(1));

        var response = await session.GetAsync("/", "GET /", CancellationToken.None);

        Assert.Equal(FailureKind.Transport, response.Failure);
        Assert.Contains("handshake_failure", response.FailureMessage);
        Assert.Contains("--tls own tries no other stack", response.FailureMessage);
        var use = Assert.Single(sessions.Metrics.Tls.Snapshot());
        Assert.Equal(("own", null, 0L, 0L), (use.Stack, use.Protocol, use.OwnConnections, use.PlatformConnections));
        Assert.Contains("--tls own", use.Reason);
    }

    [Fact]
    public async Task Platform_serves_even_a_TLS_1_3_server_with_SslStream()
    {
        using var certificate = TlsTestServer.Certificate(ecdsa: true);
        await using var server = TlsTestServer.Start(certificate, "ok"u8.ToArray());
        using var sessions = TestRuns.Sessions(server.Origin, options: new SessionOptions { Tls = TlsStackChoice.Platform });

        await GetTwiceAsync(sessions);

        var use = Assert.Single(sessions.Metrics.Tls.Snapshot());
        Assert.Equal(("platform", "TLS 1.3", "--tls platform"), (use.Stack, use.Protocol, use.Reason));
        Assert.StartsWith("TLS_", use.CipherSuite);
        Assert.Equal((0L, 2L), (use.OwnConnections, use.PlatformConnections));
        Assert.Empty(server.Failures);
    }

    public static TheoryData<Exception> MissingLibraries() => new()
    {
        new DllNotFoundException("Unable to load shared library 'libcrypto.so.3' or one of its dependencies."),
        new TypeInitializationException("Native", new DllNotFoundException("Unable to load shared library 'libcrypto.so.3'")),
    };

    [Theory]
    [MemberData(nameof(MissingLibraries))]
    public async Task Auto_without_libcrypto_falls_back_to_the_platform_with_a_warning_and_stops_trying_the_own_client(Exception missing)
    {
        using var certificate = TlsTestServer.Certificate(ecdsa: false);
        await using var server = TlsTestServer.Start(certificate, "ok"u8.ToArray());
        int attempts = 0;
        var origins = new TlsOrigins();
        var connector = new TlsConnector(TlsStackChoice.Auto, origins, (connection, _, _) =>
        {
            attempts++;
            throw missing;
        });

        for (int i = 0; i < 2; i++)
        {
            await using var stream = await connector.ConnectAsync("127.0.0.1", server.Origin.Port, "127.0.0.1", CancellationToken.None);
            await stream.WriteAsync("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"u8.ToArray());
            var reply = new MemoryStream();
            await stream.CopyToAsync(reply);
            Assert.EndsWith("\r\n\r\nok", System.Text.Encoding.ASCII.GetString(reply.ToArray()), StringComparison.Ordinal);
        }

        Assert.Equal(1, attempts);
        var use = Assert.Single(origins.Snapshot());
        Assert.Equal(("platform", "TLS 1.3", 2L), (use.Stack, use.Protocol, use.PlatformConnections));
        Assert.Equal("the bench's own TLS client cannot run here: libcrypto.so.3 not found", use.Warning);
        Assert.Equal(use.Warning, use.Reason);
    }

    [Fact]
    public async Task Own_without_libcrypto_fails_the_connection_with_what_is_missing()
    {
        using var certificate = TlsTestServer.Certificate(ecdsa: false);
        await using var server = TlsTestServer.Start(certificate, "ok"u8.ToArray());
        var origins = new TlsOrigins();
        var connector = new TlsConnector(
            TlsStackChoice.Own, origins, (_, _, _) => throw new EntryPointNotFoundException("EVP_PKEY_derive"));

        var failure = await Assert.ThrowsAsync<HttpRequestException>(
            () => connector.ConnectAsync("127.0.0.1", server.Origin.Port, "127.0.0.1", CancellationToken.None));

        Assert.Contains("libcrypto.so.3 lacks a function it needs (EVP_PKEY_derive)", failure.Message);
        Assert.Contains("--tls own tries no other stack", failure.Message);
        Assert.Equal(("own", null), (origins.Snapshot()[0].Stack, origins.Snapshot()[0].Protocol));
    }

    [Fact]
    public async Task A_handshake_that_fails_for_another_reason_than_a_refused_offer_falls_back_to_nothing()
    {
        using var certificate = TlsTestServer.Certificate(ecdsa: false);
        await using var server = TlsTestServer.Start(certificate, "ok"u8.ToArray());
        var origins = new TlsOrigins();
        var connector = new TlsConnector(TlsStackChoice.Auto, origins,
            (_, _, _) => throw new TlsException("the server's Finished does not match the handshake (decrypt_error)"));

        var failure = await Assert.ThrowsAsync<HttpRequestException>(
            () => connector.ConnectAsync("127.0.0.1", server.Origin.Port, "127.0.0.1", CancellationToken.None));

        Assert.Contains("decrypt_error", failure.Message);
        Assert.Empty(origins.Snapshot());
    }

    // A server of the CBC suites only, which the own client does not offer and the platform's stack does.
    private static CipherSuitesPolicy CbcOnly() => OperatingSystem.IsLinux()
        ? new CipherSuitesPolicy([TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256])
        : throw new PlatformNotSupportedException("a cipher suite policy needs OpenSSL");

    private static async Task GetTwiceAsync(SessionFactory sessions)
    {
        using var session = sessions.Create(new Random(1));
        var page = await session.GetAsync("/", "GET /", CancellationToken.None);
        var image = await session.GetDiscardingBodyAsync("/img/1", "GET /img/{id}", CancellationToken.None);
        Assert.Equal((FailureKind.None, 200), (page.Failure, page.Status));
        Assert.Equal((FailureKind.None, 200), (image.Failure, image.Status));
    }
}
