using System.Net.Sockets;
using IsuBench.Engine.Http;
using IsuBench.Engine.Tls;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Tests.Scenarios.Engine.Tls;

/// <summary>
/// The own client's TLS 1.2 handshake against a server scripted message by message on loopback: the shapes it takes (extended or
/// plain master secret, X25519 or secp256r1, RSA-PSS or PKCS#1 signatures, the whole flight in one record), and each step a
/// server may get wrong, refused with a clear error.
/// </summary>
public sealed class Tls12HandshakeTests
{
    [Theory]
    [InlineData(true, (ushort)0x001d, (ushort)0x0804)]
    [InlineData(false, (ushort)0x001d, (ushort)0x0401)]
    [InlineData(true, (ushort)0x0017, (ushort)0x0401)]
    public async Task A_full_handshake_carries_data_both_ways_ignores_a_HelloRequest_and_ends_at_close_notify(
        bool extendedMasterSecret, ushort group, ushort scheme)
    {
        var script = new Tls12Script(Group: group, Scheme: scheme, ExtendedMasterSecret: extendedMasterSecret);
        await using var server = Tls12ScriptedServer.Start(script);

        await using var tls = await ConnectAsync(server.Origin);
        await tls.WriteAsync("ping"u8.ToArray());
        var reply = new MemoryStream();
        await tls.CopyToAsync(reply);

        Assert.Equal(("TLS 1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), (tls.Protocol, tls.CipherSuite));
        Assert.True(server.ClientFinishedValid);
        Assert.Equal("ping"u8.ToArray(), server.Received);
        Assert.Equal("pong"u8.ToArray(), reply.ToArray());
    }

    [Theory]
    [InlineData("bad signature", "the server's ServerKeyExchange signature is wrong (decrypt_error)", false)]
    [InlineData("bad Finished", "the server's Finished does not match the handshake (decrypt_error)", false)]
    [InlineData("downgrade sentinel", "downgrade sentinel", false)]
    [InlineData("certificate request", "the server asks for a client certificate", false)]
    [InlineData("unoffered suite", "the server chose cipher suite 0xc030 for TLS 1.2, which was not offered", true)]
    [InlineData("suite unfit for the key", "with a certificate whose key is RSA (illegal_parameter)", false)]
    [InlineData("unoffered group", "the server chose group 0x0018 for ECDHE, which was not offered", false)]
    [InlineData("resumption", "resumes a session this client never had", true)]
    public async Task A_server_that_breaks_a_step_is_refused_with_what_it_broke(string broken, string expected, bool offerRefused)
    {
        var script = broken switch
        {
            "bad signature" => new Tls12Script(BadSignature: true),
            "bad Finished" => new Tls12Script(BadFinished: true),
            "downgrade sentinel" => new Tls12Script(DowngradeSentinel: true),
            "certificate request" => new Tls12Script(RequestCertificate: true),
            // TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384: a suite a server may like, but not one this client offered.
            "unoffered suite" => new Tls12Script(Suite: 0xC030),
            "suite unfit for the key" => new Tls12Script(Suite: 0xC02B),
            "unoffered group" => new Tls12Script(Group: 0x0018),
            "resumption" => new Tls12Script(EchoSessionId: true),
            _ => throw new ArgumentOutOfRangeException(nameof(broken)),
        };
        await using var server = Tls12ScriptedServer.Start(script);

        var failure = await Assert.ThrowsAsync<TlsException>(() => ConnectAsync(server.Origin).WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Contains(expected, failure.Message);
        // Only a refusal at the ServerHello lets another TLS stack try; a server that breaks the handshake later gets none.
        Assert.Equal(offerRefused, failure.OfferRefused);
    }

    private static async Task<TlsClientStream> ConnectAsync(Uri origin)
    {
        var socket = await TcpConnector.ConnectAsync(origin, CancellationToken.None);
        return await TlsClientStream.ConnectAsync(new NetworkStream(socket, ownsSocket: true), "127.0.0.1", CancellationToken.None);
    }
}
