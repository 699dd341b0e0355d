using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IsuBench.Engine.Tls;

namespace IsuBench.Tests.Scenarios.Infrastructure;

/// <summary>
/// The server's side of a TLS 1.2 ECDHE handshake (RFC 5246 §7.3) written out message by message, for a test to break one step
/// of it: the suite or group it chooses, its random, the session id it echoes, its ServerKeyExchange signature, a
/// CertificateRequest, its Finished. After the handshake it reads one application record, then sends a HelloRequest, "pong" and
/// close_notify. It checks the client's Finished with its own derivation of the keys, which a real server would refuse the
/// connection over.
/// </summary>
internal sealed class Tls12ScriptedServer : IAsyncDisposable
{
    private static readonly byte[] DowngradeSentinel = [0x44, 0x4F, 0x57, 0x4E, 0x47, 0x52, 0x44, 0x01];

    private readonly Tls12Script _script;
    private readonly X509Certificate2 _certificate;
    private readonly RawHttpServer _server;

    private Tls12ScriptedServer(Tls12Script script)
    {
        _script = script;
        _certificate = TlsTestServer.Certificate(ecdsa: false);
        _server = RawHttpServer.StartRaw(ServeAsync);
    }

    /// <summary>Where to connect.</summary>
    public Uri Origin => _server.Origin;

    /// <summary>Whether the client's Finished matched the server's own derivation (null: none came).</summary>
    public bool? ClientFinishedValid { get; private set; }

    /// <summary>The content of the client's first application record, once read.</summary>
    public byte[]? Received { get; private set; }

    /// <summary>Starts a server that follows <paramref name="script"/>.</summary>
    public static Tls12ScriptedServer Start(Tls12Script script) => new(script);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _certificate.Dispose();
    }

    private async Task ServeAsync(Stream stream, CancellationToken token)
    {
        using var transcript = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var (_, clientHello) = await ReadRecordAsync(stream, token);
        transcript.AppendData(clientHello);
        byte[] clientRandom = clientHello[6..38];
        byte[] serverRandom = RandomNumberGenerator.GetBytes(32);
        if (_script.DowngradeSentinel) DowngradeSentinel.CopyTo(serverRandom, 24);

        List<byte> extensions = [0xff, 0x01, 0, 1, 0, 0x00, 0x0b, 0, 2, 1, 0];
        if (_script.ExtendedMasterSecret) extensions.AddRange([0x00, 0x17, 0, 0]);
        // Echoing the client's session id claims to resume the session it names.
        byte[] sessionId = _script.EchoSessionId ? clientHello[39..(39 + clientHello[38])] : RandomNumberGenerator.GetBytes(32);
        byte[] serverHello = Message(2, [3, 3, .. serverRandom, (byte)sessionId.Length, .. sessionId, .. UInt16(_script.Suite), 0,
            .. UInt16(extensions.Count), .. extensions]);
        byte[] leaf = _certificate.RawData;
        byte[] certificate = Message(11, [.. UInt24(leaf.Length + 3), .. UInt24(leaf.Length), .. leaf]);

        using var x25519 = X25519KeyShare.Generate();
        using var p256 = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var q = p256.ExportParameters(false).Q;
        byte[] point = _script.Group == X25519KeyShare.Group ? new byte[32] : [0x04, .. q.X!, .. q.Y!];
        if (_script.Group == X25519KeyShare.Group) x25519.WritePublicKey(point);
        byte[] parameters = [3, .. UInt16(_script.Group), (byte)point.Length, .. point];
        using var rsa = _certificate.GetRSAPrivateKey()!;
        byte[] signature = rsa.SignData([.. clientRandom, .. serverRandom, .. parameters], HashAlgorithmName.SHA256,
            _script.Scheme == 0x0804 ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1);
        if (_script.BadSignature) signature[10] ^= 1;
        byte[] keyExchange = Message(12, [.. parameters, .. UInt16(_script.Scheme), .. UInt16(signature.Length), .. signature]);
        byte[] request = _script.RequestCertificate ? Message(13, [1, 1, 0, 2, 4, 1, 0, 0]) : [];
        byte[] done = Message(14, []);
        byte[] flight = [.. serverHello, .. certificate, .. keyExchange, .. request, .. done];
        transcript.AppendData(flight);
        await stream.WriteAsync(Record(22, flight), token);

        var (type, clientKeyExchange) = await ReadRecordAsync(stream, token);
        if (type != 22 || clientKeyExchange[0] != 16) return;
        transcript.AppendData(clientKeyExchange);
        byte[] clientPoint = clientKeyExchange[5..];
        byte[] preMasterSecret = _script.Group == X25519KeyShare.Group ? x25519.Agree(clientPoint) : P256Agree(p256, clientPoint);
        byte[] masterSecret = _script.ExtendedMasterSecret
            ? Tls12Prf.ExtendedMasterSecret(preMasterSecret, transcript.GetCurrentHash())
            : Tls12Prf.MasterSecret(preMasterSecret, clientRandom, serverRandom);
        byte[] keys = Tls12Prf.KeyBlock(masterSecret, serverRandom, clientRandom, 40);
        using var fromClient = new Tls12RecordProtection(keys.AsSpan(0, 16), keys.AsSpan(32, 4));
        using var toClient = new Tls12RecordProtection(keys.AsSpan(16, 16), keys.AsSpan(36, 4));

        if ((await ReadRecordAsync(stream, token)).Type != 20) return;
        byte[] clientFinished = await ReadProtectedAsync(stream, fromClient, token);
        byte[] expected = Tls12Prf.FinishedVerifyData(masterSecret, "client finished", transcript.GetCurrentHash());
        ClientFinishedValid = clientFinished.AsSpan(4).SequenceEqual(expected);
        transcript.AppendData(clientFinished);

        byte[] verifyData = Tls12Prf.FinishedVerifyData(masterSecret, "server finished", transcript.GetCurrentHash());
        if (_script.BadFinished) verifyData[0] ^= 1;
        await stream.WriteAsync(Record(20, [1]), token);
        await stream.WriteAsync(Seal(toClient, 22, Message(20, verifyData)), token);

        Received = await ReadProtectedAsync(stream, fromClient, token);
        await stream.WriteAsync(Seal(toClient, 22, Message(0, [])), token); // HelloRequest
        await stream.WriteAsync(Seal(toClient, 23, "pong"u8.ToArray()), token);
        await stream.WriteAsync(Seal(toClient, 21, [1, 0]), token); // close_notify
    }

    private static byte[] P256Agree(ECDiffieHellman key, byte[] point)
    {
        using var peer = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = point[1..33], Y = point[33..65] },
        });
        return key.DeriveRawSecretAgreement(peer.PublicKey);
    }

    private static async Task<(byte Type, byte[] Fragment)> ReadRecordAsync(Stream stream, CancellationToken token)
    {
        byte[] header = new byte[5];
        await stream.ReadExactlyAsync(header, token);
        byte[] fragment = new byte[BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(3))];
        await stream.ReadExactlyAsync(fragment, token);
        return (header[0], fragment);
    }

    private static async Task<byte[]> ReadProtectedAsync(Stream stream, Tls12RecordProtection keys, CancellationToken token)
    {
        var (type, fragment) = await ReadRecordAsync(stream, token);
        var (_, offset, length) = keys.Open([type, 3, 3, (byte)(fragment.Length >> 8), (byte)fragment.Length], fragment);
        return fragment[offset..(offset + length)];
    }

    private static byte[] Seal(Tls12RecordProtection keys, byte type, byte[] content)
    {
        byte[] record = new byte[5 + content.Length + keys.Overhead];
        keys.Seal(type, content, record);
        return record;
    }

    private static byte[] Message(byte type, byte[] body) => [type, .. UInt24(body.Length), .. body];

    private static byte[] Record(byte type, byte[] fragment) => [type, 3, 3, .. UInt16(fragment.Length), .. fragment];

    private static byte[] UInt16(int value) => [(byte)(value >> 8), (byte)value];

    private static byte[] UInt24(int value) => [(byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
