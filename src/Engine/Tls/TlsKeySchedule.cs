using System.Security.Cryptography;
using System.Text;

namespace IsuBench.Engine.Tls;

/// <summary>
/// The TLS 1.3 key schedule for SHA-256 suites (RFC 8446 §7.1) without a PSK: HKDF-Extract and HKDF-Expand-Label, the handshake
/// and application traffic secrets, the traffic keys (§7.3) and the Finished keys (§4.4.4).
/// </summary>
internal sealed class TlsKeySchedule
{
    /// <summary>SHA-256's output, the length of every secret here.</summary>
    public const int HashLength = 32;

    private static readonly byte[] Zeros = new byte[HashLength];
    private static readonly byte[] EmptyHash = SHA256.HashData([]);

    private byte[]? _handshakeSecret;

    /// <summary>client_handshake_traffic_secret.</summary>
    public byte[] ClientHandshakeSecret { get; private set; } = [];

    /// <summary>server_handshake_traffic_secret.</summary>
    public byte[] ServerHandshakeSecret { get; private set; } = [];

    /// <summary>
    /// From the (EC)DHE shared secret and the transcript hash of ClientHello..ServerHello: the handshake traffic secrets.
    /// "Early Secret = HKDF-Extract(0, 0)" when no PSK is offered.
    /// </summary>
    public void DeriveHandshakeSecrets(ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> helloHash)
    {
        byte[] early = Extract(Zeros, Zeros);
        _handshakeSecret = Extract(ExpandLabel(early, "derived", EmptyHash, HashLength), sharedSecret);
        ClientHandshakeSecret = ExpandLabel(_handshakeSecret, "c hs traffic", helloHash, HashLength);
        ServerHandshakeSecret = ExpandLabel(_handshakeSecret, "s hs traffic", helloHash, HashLength);
    }

    /// <summary>From the transcript hash of ClientHello..server Finished: the client's and the server's application traffic secrets.</summary>
    public (byte[] Client, byte[] Server) DeriveApplicationSecrets(ReadOnlySpan<byte> handshakeHash)
    {
        if (_handshakeSecret is null) throw new InvalidOperationException("the handshake secrets come first");
        byte[] master = Extract(ExpandLabel(_handshakeSecret, "derived", EmptyHash, HashLength), Zeros);
        return (ExpandLabel(master, "c ap traffic", handshakeHash, HashLength), ExpandLabel(master, "s ap traffic", handshakeHash, HashLength));
    }

    /// <summary>"verify_data = HMAC(finished_key, Transcript-Hash(Handshake Context, Certificate*, CertificateVerify*))".</summary>
    public static byte[] FinishedVerifyData(byte[] trafficSecret, ReadOnlySpan<byte> transcriptHash) =>
        HMACSHA256.HashData(ExpandLabel(trafficSecret, "finished", [], HashLength), transcriptHash);

    /// <summary>"application_traffic_secret_N+1 = HKDF-Expand-Label(application_traffic_secret_N, "traffic upd", "", Hash.length)".</summary>
    public static byte[] NextTrafficSecret(byte[] trafficSecret) => ExpandLabel(trafficSecret, "traffic upd", [], HashLength);

    /// <summary>The write key and IV of a traffic secret (§7.3).</summary>
    public static (byte[] Key, byte[] Iv) TrafficKeys(byte[] trafficSecret, int keyLength) =>
        (ExpandLabel(trafficSecret, "key", [], keyLength), ExpandLabel(trafficSecret, "iv", [], RecordProtection.NonceLength));

    /// <summary>HKDF-Extract(salt, IKM) = HMAC-Hash(salt, IKM) (RFC 5869 §2.2).</summary>
    public static byte[] Extract(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> inputKeyMaterial) => HMACSHA256.HashData(salt, inputKeyMaterial);

    /// <summary>
    /// HKDF-Expand-Label(Secret, Label, Context, Length) = HKDF-Expand(Secret, HkdfLabel, Length), where HkdfLabel is the length,
    /// "tls13 " + Label and Context, each length-prefixed. Every output here is at most one hash long, so one HMAC block: T(1).
    /// </summary>
    public static byte[] ExpandLabel(ReadOnlySpan<byte> secret, string label, ReadOnlySpan<byte> context, int length)
    {
        if (length is <= 0 or > HashLength) throw new ArgumentOutOfRangeException(nameof(length));
        Span<byte> info = stackalloc byte[2 + 1 + 6 + label.Length + 1 + context.Length + 1];
        info[0] = (byte)(length >> 8);
        info[1] = (byte)length;
        info[2] = (byte)(6 + label.Length);
        int at = 3 + Encoding.ASCII.GetBytes("tls13 " + label, info[3..]);
        info[at++] = (byte)context.Length;
        context.CopyTo(info[at..]);
        at += context.Length;
        info[at] = 0x01;
        Span<byte> block = stackalloc byte[HashLength];
        HMACSHA256.HashData(secret, info, block);
        return block[..length].ToArray();
    }
}
