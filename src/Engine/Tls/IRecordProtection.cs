namespace IsuBench.Engine.Tls;

/// <summary>
/// One direction's record protection after the handshake, whichever protocol made it: TLS 1.3's (<see cref="RecordProtection"/>)
/// or TLS 1.2's AES-GCM (<see cref="Tls12RecordProtection"/>), so that <see cref="TlsClientStream"/> works with either.
/// </summary>
internal interface IRecordProtection : IDisposable
{
    /// <summary>The bytes a protected record takes beyond its header and content (nonce, inner type, tag).</summary>
    int Overhead { get; }

    /// <summary>
    /// Writes one protected record of <paramref name="content"/> into <paramref name="destination"/>; returns its length.
    /// </summary>
    int Seal(byte contentType, ReadOnlySpan<byte> content, Span<byte> destination);

    /// <summary>
    /// Decrypts a record's fragment in place (<paramref name="header"/> is its header): returns the content's real type, and
    /// where in <paramref name="fragment"/> the content is.
    /// </summary>
    (byte ContentType, int Offset, int Length) Open(ReadOnlySpan<byte> header, Span<byte> fragment);
}
