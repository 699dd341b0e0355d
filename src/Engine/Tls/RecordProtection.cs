using System.Buffers.Binary;
using System.Security.Cryptography;

namespace IsuBench.Engine.Tls;

/// <summary>
/// One direction's record protection with TLS_AES_128_GCM_SHA256 (RFC 8446 §5.2, §5.3): the key, the IV and the record
/// sequence number. Not thread-safe; each direction is used by one reader or one writer at a time.
/// </summary>
internal sealed class RecordProtection : IRecordProtection
{
    /// <summary>AES-128's key length.</summary>
    public const int KeyLength = 16;

    /// <summary>"iv_length = max(8 bytes, N_MIN)" for AES-GCM: 12 bytes.</summary>
    public const int NonceLength = 12;

    private readonly AesGcm _aead;
    private readonly byte[] _iv;
    private ulong _sequence;

    /// <summary>Protection keyed by a traffic secret.</summary>
    public RecordProtection(byte[] trafficSecret)
    {
        var (key, iv) = TlsKeySchedule.TrafficKeys(trafficSecret, KeyLength);
        _aead = new AesGcm(key, TlsLimits.Tag);
        _iv = iv;
    }

    /// <summary>
    /// Writes one TLSCiphertext record into <paramref name="destination"/>: the header (type application_data, version 0x0303),
    /// then the encrypted TLSInnerPlaintext (content, its real type, no padding) and the tag. Returns the record's length.
    /// </summary>
    public int Seal(byte contentType, ReadOnlySpan<byte> content, Span<byte> destination)
    {
        if (content.Length > TlsLimits.MaxPlaintext) throw new ArgumentOutOfRangeException(nameof(content));
        int innerLength = content.Length + 1;
        int length = innerLength + TlsLimits.Tag;
        var header = destination[..TlsLimits.RecordHeader];
        header[0] = TlsContentType.ApplicationData;
        header[1] = 0x03;
        header[2] = 0x03;
        BinaryPrimitives.WriteUInt16BigEndian(header[3..], (ushort)length);
        var inner = destination.Slice(TlsLimits.RecordHeader, innerLength);
        content.CopyTo(inner);
        inner[^1] = contentType;
        Span<byte> nonce = stackalloc byte[NonceLength];
        NextNonce(nonce);
        _aead.Encrypt(nonce, inner, inner, destination.Slice(TlsLimits.RecordHeader + innerLength, TlsLimits.Tag), header);
        return TlsLimits.RecordHeader + length;
    }

    /// <summary>
    /// Decrypts a record's fragment in place (<paramref name="header"/> is its additional data) and strips the padding: returns
    /// the real content type and the content's length at the start of <paramref name="fragment"/>.
    /// </summary>
    public (byte ContentType, int Length) Open(ReadOnlySpan<byte> header, Span<byte> fragment)
    {
        if (fragment.Length < TlsLimits.Tag + 1) throw new TlsException("a protected record is too short to hold a tag");
        int innerLength = fragment.Length - TlsLimits.Tag;
        var inner = fragment[..innerLength];
        Span<byte> nonce = stackalloc byte[NonceLength];
        NextNonce(nonce);
        try
        {
            _aead.Decrypt(nonce, inner, fragment.Slice(innerLength, TlsLimits.Tag), inner, header);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new TlsException("a record from the server failed authentication (bad_record_mac)");
        }
        // "the type is the last non-zero byte"; all zeros is an unexpected_message.
        int last = inner.LastIndexOfAnyExcept((byte)0);
        if (last < 0) throw new TlsException("a protected record from the server has no content type");
        return (inner[last], last);
    }

    /// <inheritdoc />
    public int Overhead => 1 + TlsLimits.Tag;

    /// <inheritdoc />
    (byte ContentType, int Offset, int Length) IRecordProtection.Open(ReadOnlySpan<byte> header, Span<byte> fragment)
    {
        // "the outer opaque_type field of a TLSCiphertext record is always set to the value 23 (application_data)" (§5.2).
        if (header[0] != TlsContentType.ApplicationData)
            throw new TlsException($"the server sent an unprotected record of type {header[0]} after the handshake");
        var (contentType, length) = Open(header, fragment);
        return (contentType, 0, length);
    }

    /// <inheritdoc />
    public void Dispose() => _aead.Dispose();

    // "the 64-bit record sequence number is encoded in network byte order and padded to the left with zeros to iv_length",
    // then XORed with the IV.
    private void NextNonce(Span<byte> nonce)
    {
        _iv.CopyTo(nonce);
        ulong sequence = _sequence++;
        for (int i = 0; i < 8; i++)
        {
            nonce[NonceLength - 1 - i] ^= (byte)(sequence >> (8 * i));
        }
    }
}
