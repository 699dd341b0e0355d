namespace IsuBench.Engine.Tls;

/// <summary>The bounds this client holds a server to (RFC 8446 §5.1, §5.2), so that a peer can never make it buffer more.</summary>
internal static class TlsLimits
{
    /// <summary>"The length (in bytes) of the following TLSPlaintext.fragment. The length MUST NOT exceed 2^14 bytes."</summary>
    public const int MaxPlaintext = 1 << 14;

    /// <summary>"The length MUST NOT exceed 2^14 + 256 bytes" (TLSCiphertext.length).</summary>
    public const int MaxCiphertext = MaxPlaintext + 256;

    /// <summary>Content type, legacy version and length.</summary>
    public const int RecordHeader = 5;

    /// <summary>The AES-GCM tag that ends every protected record.</summary>
    public const int Tag = 16;

    /// <summary>
    /// The largest handshake message accepted (a certificate chain is the largest a server sends): a bound of the bench's own,
    /// far above the few kilobytes a real chain takes.
    /// </summary>
    public const int MaxHandshakeMessage = 256 * 1024;
}
