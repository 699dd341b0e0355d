using System.Buffers.Binary;
using System.Security.Cryptography;

namespace IsuBench.Engine.Tls;

/// <summary>
/// One direction's TLS 1.2 record protection with AES-128-GCM (RFC 5288, RFC 5246 §6.2.3.3): the write key, the 4-byte
/// implicit salt from the key block and the record sequence number. Not thread-safe; each direction is used by one reader or one
/// writer at a time.
/// </summary>
internal sealed class Tls12RecordProtection : IRecordProtection
{
    /// <summary>AES-128's key length.</summary>
    public const int KeyLength = 16;

    /// <summary>"The salt is the "implicit" part of the nonce ... the client_write_IV (or server_write_IV)": 4 bytes.</summary>
    public const int SaltLength = 4;

    /// <summary>"The nonce_explicit is the "explicit" part of the nonce ... carried in each TLS record": 8 bytes.</summary>
    public const int ExplicitNonceLength = 8;

    private const int AdditionalDataLength = 13;

    private readonly AesGcm _aead;
    private readonly byte[] _salt;
    private ulong _sequence;

    /// <summary>
    /// Protection with a write key and its salt, its first record numbered <paramref name="sequence"/> (0 after ChangeCipherSpec).
    /// </summary>
    public Tls12RecordProtection(ReadOnlySpan<byte> key, ReadOnlySpan<byte> salt, ulong sequence = 0)
    {
        if (key.Length != KeyLength || salt.Length != SaltLength)
            throw new ArgumentException("AES-128-GCM takes a 16-byte key and a 4-byte salt");
        _aead = new AesGcm(key, TlsLimits.Tag);
        _salt = salt.ToArray();
        _sequence = sequence;
    }

    /// <inheritdoc />
    public int Overhead => ExplicitNonceLength + TlsLimits.Tag;

    /// <summary>
    /// Writes one record: the header (the content's own type, version 0x0303), the explicit nonce, the ciphertext and the tag.
    /// The explicit nonce is the sequence number: "the nonce_explicit MAY be the 64-bit sequence number" (RFC 5288 §3), so it
    /// never repeats under one key.
    /// </summary>
    public int Seal(byte contentType, ReadOnlySpan<byte> content, Span<byte> destination)
    {
        if (content.Length > TlsLimits.MaxPlaintext) throw new ArgumentOutOfRangeException(nameof(content));
        int length = ExplicitNonceLength + content.Length + TlsLimits.Tag;
        var header = destination[..TlsLimits.RecordHeader];
        header[0] = contentType;
        header[1] = 0x03;
        header[2] = 0x03;
        BinaryPrimitives.WriteUInt16BigEndian(header[3..], (ushort)length);
        ulong sequence = _sequence++;
        var explicitNonce = destination.Slice(TlsLimits.RecordHeader, ExplicitNonceLength);
        BinaryPrimitives.WriteUInt64BigEndian(explicitNonce, sequence);
        Span<byte> nonce = stackalloc byte[SaltLength + ExplicitNonceLength];
        _salt.CopyTo(nonce);
        explicitNonce.CopyTo(nonce[SaltLength..]);
        Span<byte> additionalData = stackalloc byte[AdditionalDataLength];
        WriteAdditionalData(additionalData, sequence, contentType, 0x0303, content.Length);
        int at = TlsLimits.RecordHeader + ExplicitNonceLength;
        var tag = destination.Slice(at + content.Length, TlsLimits.Tag);
        _aead.Encrypt(nonce, content, destination.Slice(at, content.Length), tag, additionalData);
        return TlsLimits.RecordHeader + length;
    }

    /// <summary>
    /// Decrypts a record's fragment (explicit nonce, ciphertext, tag) in place; the content starts after the explicit nonce.
    /// Every record type but change_cipher_spec is protected once the keys are on (RFC 5246 §6.2.3).
    /// </summary>
    public (byte ContentType, int Offset, int Length) Open(ReadOnlySpan<byte> header, Span<byte> fragment)
    {
        byte contentType = header[0];
        if (contentType is not (TlsContentType.ApplicationData or TlsContentType.Alert or TlsContentType.Handshake))
            throw new TlsException($"the server sent a record of type {contentType} after the keys changed (unexpected_message)");
        if (fragment.Length < Overhead) throw new TlsException("a protected record is too short to hold a nonce and a tag");
        int length = fragment.Length - Overhead;
        if (length > TlsLimits.MaxPlaintext)
            throw new TlsException("a protected record from the server is over 2^14 bytes (record_overflow)");
        Span<byte> nonce = stackalloc byte[SaltLength + ExplicitNonceLength];
        _salt.CopyTo(nonce);
        fragment[..ExplicitNonceLength].CopyTo(nonce[SaltLength..]);
        Span<byte> additionalData = stackalloc byte[AdditionalDataLength];
        WriteAdditionalData(additionalData, _sequence++, contentType, BinaryPrimitives.ReadUInt16BigEndian(header[1..]), length);
        var content = fragment.Slice(ExplicitNonceLength, length);
        try
        {
            _aead.Decrypt(nonce, content, fragment.Slice(ExplicitNonceLength + length, TlsLimits.Tag), content, additionalData);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new TlsException("a record from the server failed authentication (bad_record_mac)");
        }
        return (contentType, ExplicitNonceLength, length);
    }

    /// <inheritdoc />
    public void Dispose() => _aead.Dispose();

    // "additional_data = seq_num + TLSCompressed.type + TLSCompressed.version + TLSCompressed.length" (RFC 5246 §6.2.3.3), the
    // length being the plaintext's.
    private static void WriteAdditionalData(Span<byte> destination, ulong sequence, byte contentType, ushort version, int length)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, sequence);
        destination[8] = contentType;
        BinaryPrimitives.WriteUInt16BigEndian(destination[9..], version);
        BinaryPrimitives.WriteUInt16BigEndian(destination[11..], (ushort)length);
    }
}
