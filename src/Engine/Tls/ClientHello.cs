using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace IsuBench.Engine.Tls;

/// <summary>
/// The ClientHello this client sends (RFC 8446 §4.1.2), one for TLS 1.3 and TLS 1.2 alike: TLS_AES_128_GCM_SHA256 and, for
/// TLS 1.2, ECDHE with AES-128-GCM (RSA or ECDSA certificates: what the original's Go client negotiated with nginx); X25519
/// with a key share, and secp256r1 for TLS 1.2 alone (a TLS 1.3 server that wants it asks again, which is refused); a 32-byte
/// legacy session id (middlebox compatibility, §D.4, as Go's client sends, never one of an earlier session); server_name for a
/// host name (not for an address).
/// </summary>
internal static class ClientHello
{
    /// <summary>TLS_AES_128_GCM_SHA256, the one cipher suite every TLS 1.3 server must implement (§9.1).</summary>
    public const ushort CipherSuite = 0x1301;

    /// <summary>TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 (RFC 5289).</summary>
    public const ushort EcdheEcdsaSuite = 0xC02B;

    /// <summary>TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (RFC 5289).</summary>
    public const ushort EcdheRsaSuite = 0xC02F;

    /// <summary>TLS 1.3 in supported_versions.</summary>
    public const ushort Tls13 = 0x0304;

    /// <summary>TLS 1.2, the legacy_version of every hello and a ServerHello's version when it chose TLS 1.2.</summary>
    public const ushort Tls12 = 0x0303;

    /// <summary>The suites offered, in the client's order of preference.</summary>
    public static readonly ushort[] CipherSuites = [CipherSuite, EcdheEcdsaSuite, EcdheRsaSuite];

    /// <summary>Extension code points (§4.2).</summary>
    public static class Extension
    {
        /// <summary>server_name (RFC 6066).</summary>
        public const ushort ServerName = 0;

        /// <summary>supported_groups.</summary>
        public const ushort SupportedGroups = 10;

        /// <summary>ec_point_formats (RFC 8422 §5.1.2), for TLS 1.2's ECDHE: uncompressed only.</summary>
        public const ushort EcPointFormats = 11;

        /// <summary>signature_algorithms.</summary>
        public const ushort SignatureAlgorithms = 13;

        /// <summary>extended_master_secret (RFC 7627), for TLS 1.2.</summary>
        public const ushort ExtendedMasterSecret = 23;

        /// <summary>supported_versions.</summary>
        public const ushort SupportedVersions = 43;

        /// <summary>key_share.</summary>
        public const ushort KeyShare = 51;

        /// <summary>renegotiation_info (RFC 5746), empty: this client never renegotiates, and says it knows the extension.</summary>
        public const ushort RenegotiationInfo = 0xff01;
    }

    /// <summary>The whole handshake message, header included.</summary>
    public static byte[] Build(ReadOnlySpan<byte> random, ReadOnlySpan<byte> sessionId, ReadOnlySpan<byte> publicKey, string? serverName)
    {
        var message = new List<byte>(256);
        message.Add(TlsContentType.Message.ClientHello);
        int length = Reserve(message, 3);
        AddUInt16(message, Tls12); // legacy_version
        message.AddRange(random);
        message.Add((byte)sessionId.Length);
        message.AddRange(sessionId);
        AddUInt16(message, 2 * CipherSuites.Length);
        foreach (ushort suite in CipherSuites) AddUInt16(message, suite);
        message.Add(1); // legacy_compression_methods: null only
        message.Add(0);
        int extensions = Reserve(message, 2);

        if (serverName is not null && !IPAddress.TryParse(serverName, out _))
        {
            byte[] name = Encoding.ASCII.GetBytes(serverName);
            AddUInt16(message, Extension.ServerName);
            AddUInt16(message, name.Length + 5);
            AddUInt16(message, name.Length + 3); // server_name_list
            message.Add(0); // host_name
            AddUInt16(message, name.Length);
            message.AddRange(name);
        }

        // X25519 first, the only group with a key share; secp256r1 for TLS 1.2 servers with an ECDSA P-256 certificate.
        AddUInt16(message, Extension.SupportedGroups);
        AddUInt16(message, 6);
        AddUInt16(message, 4);
        AddUInt16(message, X25519KeyShare.Group);
        AddUInt16(message, P256KeyShare.Group);

        AddUInt16(message, Extension.EcPointFormats);
        AddUInt16(message, 2);
        message.Add(1);
        message.Add(0); // uncompressed

        AddUInt16(message, Extension.SignatureAlgorithms);
        AddUInt16(message, 2 + 2 * ServerSignature.Offered.Length);
        AddUInt16(message, 2 * ServerSignature.Offered.Length);
        foreach (ushort scheme in ServerSignature.Offered) AddUInt16(message, scheme);

        AddUInt16(message, Extension.ExtendedMasterSecret);
        AddUInt16(message, 0);

        AddUInt16(message, Extension.RenegotiationInfo);
        AddUInt16(message, 1);
        message.Add(0); // renegotiated_connection: empty on an initial handshake

        AddUInt16(message, Extension.SupportedVersions);
        AddUInt16(message, 5);
        message.Add(4);
        AddUInt16(message, Tls13);
        AddUInt16(message, Tls12);

        AddUInt16(message, Extension.KeyShare);
        AddUInt16(message, 2 + 4 + publicKey.Length);
        AddUInt16(message, 4 + publicKey.Length); // client_shares
        AddUInt16(message, X25519KeyShare.Group);
        AddUInt16(message, publicKey.Length);
        message.AddRange(publicKey);

        byte[] bytes = [.. message];
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(extensions), (ushort)(bytes.Length - extensions - 2));
        int bodyLength = bytes.Length - length - 3;
        bytes[length] = (byte)(bodyLength >> 16);
        bytes[length + 1] = (byte)(bodyLength >> 8);
        bytes[length + 2] = (byte)bodyLength;
        return bytes;
    }

    /// <summary>The name of a suite this client offers, as result.json writes it.</summary>
    public static string SuiteName(ushort suite) => suite switch
    {
        CipherSuite => "TLS_AES_128_GCM_SHA256",
        EcdheEcdsaSuite => "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        EcdheRsaSuite => "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        _ => $"0x{suite:x4}",
    };

    private static int Reserve(List<byte> message, int count)
    {
        int at = message.Count;
        for (int i = 0; i < count; i++) message.Add(0);
        return at;
    }

    private static void AddUInt16(List<byte> message, int value)
    {
        message.Add((byte)(value >> 8));
        message.Add((byte)value);
    }
}
