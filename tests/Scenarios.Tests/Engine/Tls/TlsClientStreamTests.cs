using System.Buffers.Binary;
using System.Security.Authentication;
using IsuBench.Engine.Http;
using IsuBench.Engine.Tls;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Tests.Scenarios.Engine.Tls;

/// <summary>The bench's TLS client against the platform's TLS server (OpenSSL through SslStream) and against servers that break the protocol.</summary>
public sealed class TlsClientStreamTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_session_reads_a_body_of_many_records_intact_from_a_real_TLS_1_3_server_with_an_RSA_or_ECDSA_key(bool ecdsa)
    {
        byte[] body = new byte[300_000];
        new Random(7).NextBytes(body);
        using var certificate = TlsTestServer.Certificate(ecdsa);
        await using var server = TlsTestServer.Start(certificate, body);
        using var sessions = TestRuns.Sessions(server.Origin);
        using var session = sessions.Create(new Random(1));

        var response = await session.GetAsync("/big", "GET /big", CancellationToken.None);
        var head = await session.GetDiscardingBodyAsync("/img/1", "GET /img/{id}", CancellationToken.None);

        Assert.Equal((FailureKind.None, 200), (response.Failure, response.Status));
        Assert.Equal(body, response.Body);
        Assert.Equal((FailureKind.None, 200), (head.Failure, head.Status));
        Assert.Empty(server.Failures);
    }

    [Fact]
    public async Task A_zero_byte_read_waits_for_data_and_takes_none_of_it()
    {
        using var certificate = TlsTestServer.Certificate(ecdsa: false);
        await using var server = TlsTestServer.Start(certificate, "hello"u8.ToArray());
        var socket = await TcpConnector.ConnectAsync(server.Origin, CancellationToken.None);
        await using var tls = await TlsClientStream.ConnectAsync(new System.Net.Sockets.NetworkStream(socket, ownsSocket: true), "127.0.0.1", CancellationToken.None);

        var idle = tls.ReadAsync(Memory<byte>.Empty).AsTask();
        await Task.Delay(300);
        Assert.False(idle.IsCompleted); // nothing was sent yet, so nothing can have come
        await tls.WriteAsync("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"u8.ToArray());
        Assert.Equal(0, await idle.WaitAsync(TimeSpan.FromSeconds(10)));

        var response = new MemoryStream();
        await tls.CopyToAsync(response);
        Assert.EndsWith("\r\n\r\nhello", System.Text.Encoding.ASCII.GetString(response.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_of_TLS_1_2_only_is_served_by_the_own_client_as_the_original_served_it()
    {
        using var certificate = TlsTestServer.Certificate(ecdsa: false);
#pragma warning disable SYSLIB0039 // TLS 1.2 alone, on purpose: a server of the original's day.
        await using var server = TlsTestServer.Start(certificate, "ok"u8.ToArray(), SslProtocols.Tls12);
#pragma warning restore SYSLIB0039
        using var sessions = TestRuns.Sessions(server.Origin);
        using var session = sessions.Create(new Random(1));

        var response = await session.GetAsync("/", "GET /", CancellationToken.None);
        var head = await session.GetDiscardingBodyAsync("/img/1", "GET /img/{id}", CancellationToken.None);

        Assert.Equal((FailureKind.None, 200, "ok"), (response.Failure, response.Status, System.Text.Encoding.ASCII.GetString(response.Body)));
        Assert.Equal((FailureKind.None, 200), (head.Failure, head.Status));
        // The one ClientHello offers TLS 1.2 too: no handshake was refused, none was tried twice.
        Assert.Empty(server.Failures);
        var use = Assert.Single(sessions.Metrics.Tls.Snapshot());
        Assert.Equal(("own", "TLS 1.2", 2L, 0L), (use.Stack, use.Protocol, use.OwnConnections, use.PlatformConnections));
    }

    [Fact]
    public async Task A_server_that_refuses_every_handshake_is_a_transport_failure_that_says_so()
    {
        await using var server = RawTcp(async (stream, token) =>
        {
            await stream.ReadExactlyAsync(new byte[5], token);
            await stream.WriteAsync(new byte[] { 21, 3, 3, 0, 2, 2, 40 }, token); // a fatal handshake_failure
        });
        using var sessions = TestRuns.Sessions(new Uri(server.Origin.ToString().Replace("http:", "https:", StringComparison.Ordinal)));
        using var session = sessions.Create(new Random(1));

        var response = await session.GetAsync("/", "GET /", CancellationToken.None);

        Assert.Equal(FailureKind.Transport, response.Failure);
        Assert.Contains("TLS handshake", response.FailureMessage);
    }

    [Fact]
    public async Task The_client_hello_offers_what_the_original_benchmarks_client_used_and_a_server_that_hangs_up_ends_the_handshake()
    {
        byte[]? hello = null;
        await using var server = RawTcp(async (stream, token) =>
        {
            var header = new byte[5];
            await stream.ReadExactlyAsync(header, token);
            hello = new byte[BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(3))];
            await stream.ReadExactlyAsync(hello, token);
            hello = [.. header, .. hello];
        });

        var failure = await Assert.ThrowsAsync<TlsException>(() => ConnectAsync(server.Origin));

        Assert.Contains("closed the connection during the TLS handshake", failure.Message);
        // A connection that ended refused nothing: no reason to turn to another TLS stack for this origin.
        Assert.False(failure.OfferRefused);
        Assert.NotNull(hello);
        Assert.Equal([22, 3, 1], hello[..3]);
        Assert.Equal(1, hello[5]); // client_hello
        int at = 5 + 4 + 2 + 32;
        Assert.Equal(32, hello[at]); // a legacy session id, as Go's client sends
        at += 1 + 32;
        // TLS_AES_128_GCM_SHA256, then TLS 1.2's ECDHE_ECDSA and ECDHE_RSA with AES-128-GCM
        Assert.Equal([0, 6, 0x13, 0x01, 0xc0, 0x2b, 0xc0, 0x2f], hello[at..(at + 8)]);
        string extensions = Convert.ToHexStringLower(hello[(at + 8 + 2 + 2)..]);
        Assert.Contains("002b00050403040303", extensions); // supported_versions: TLS 1.3, TLS 1.2
        Assert.Contains("000b00020100", extensions); // ec_point_formats: uncompressed
        Assert.Contains("00170000", extensions); // extended_master_secret (RFC 7627)
        Assert.Contains("ff01000100", extensions); // renegotiation_info, empty (RFC 5746)
        Assert.Contains("000a00060004001d0017", extensions); // supported_groups: x25519, secp256r1
        Assert.Contains("00330026" + "0024001d0020", extensions); // a 32-byte x25519 key share
        Assert.DoesNotContain("0000000", extensions[..8]); // no server_name for an address
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\n\r\n", "unknown type")]
    [InlineData("\u0016\u0003\u0003\u00ff\u00ff", "over the limit")]
    [InlineData("\u0015\u0003\u0003\u0000\u0002\u0002\u0028", "handshake_failure")]
    [InlineData("\u0016\u0003\u0003\u0000\u0004\u0002\u0000\u0000\u0000", "malformed")]
    public async Task A_server_that_answers_the_hello_wrongly_gets_a_clear_error_not_a_hang(string answer, string expected)
    {
        await using var server = RawTcp(async (stream, token) =>
        {
            var header = new byte[5];
            await stream.ReadExactlyAsync(header, token);
            await stream.ReadExactlyAsync(new byte[BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(3))], token);
            await stream.WriteAsync(System.Text.Encoding.Latin1.GetBytes(answer), token);
            await Task.Delay(TimeSpan.FromSeconds(30), token);
        });

        var failure = await Assert.ThrowsAsync<TlsException>(() => ConnectAsync(server.Origin).WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Contains(expected, failure.Message);
        Assert.True(failure.OfferRefused); // so another TLS stack may still try
    }

    private static async Task ConnectAsync(Uri origin)
    {
        var socket = await TcpConnector.ConnectAsync(origin, CancellationToken.None);
        await using var tls = await TlsClientStream.ConnectAsync(new System.Net.Sockets.NetworkStream(socket, ownsSocket: true), "127.0.0.1", CancellationToken.None);
    }

    private static RawHttpServer RawTcp(Func<Stream, CancellationToken, Task> script) => RawHttpServer.StartRaw(script);
}
