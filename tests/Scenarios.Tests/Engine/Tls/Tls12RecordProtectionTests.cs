using System.Buffers.Binary;
using System.Security.Cryptography;
using IsuBench.Engine.Tls;

namespace IsuBench.Tests.Scenarios.Engine.Tls;

/// <summary>
/// TLS 1.2's AES-128-GCM records (RFC 5288 §3): "nonce = salt || nonce_explicit", "additional_data = seq_num + type + version +
/// length". The sealed record is checked against one made by another implementation, Python's <c>cryptography</c> (AESGCM,
/// OpenSSL underneath) with the same key, salt, sequence number and content, and against AesGcm called directly here.
/// </summary>
public sealed class Tls12RecordProtectionTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(0, 16).Select(i => (byte)i)];
    private static readonly byte[] Salt = Convert.FromHexString("a0a1a2a3");
    private static readonly byte[] Content = "GET / HTTP/1.1\r\nHost: a\r\n\r\n"u8.ToArray();

    // AESGCM(key).encrypt(salt + seq, content, seq + [23, 3, 3] + len(content)), after the header and the explicit nonce (= seq 5).
    private const string Record =
        "1703030033" + "0000000000000005" + "965bc79e09ff0db2de06c1f51c7f91c093c243d731950e48681244cb185606ef400c386bb73573e52bc91b";

    [Fact]
    public void A_sealed_record_is_byte_for_byte_the_one_computed_independently()
    {
        using var writer = new Tls12RecordProtection(Key, Salt, sequence: 5);
        byte[] record = new byte[128];

        int length = writer.Seal(TlsContentType.ApplicationData, Content, record);

        Assert.Equal(Record, Convert.ToHexStringLower(record.AsSpan(0, length)));
    }

    [Fact]
    public void The_RFCs_nonce_and_additional_data_open_it_with_AesGcm_directly()
    {
        byte[] record = Convert.FromHexString(Record);
        byte[] nonce = [.. Salt, .. record[5..13]];
        byte[] additionalData = new byte[13];
        BinaryPrimitives.WriteUInt64BigEndian(additionalData, 5);
        additionalData[8] = 23;
        additionalData[9] = 3;
        additionalData[10] = 3;
        BinaryPrimitives.WriteUInt16BigEndian(additionalData.AsSpan(11), (ushort)Content.Length);
        byte[] plain = new byte[Content.Length];

        using var aes = new AesGcm(Key, 16);
        aes.Decrypt(nonce, record.AsSpan(13, Content.Length), record.AsSpan(13 + Content.Length), plain, additionalData);

        Assert.Equal(Content, plain);
    }

    [Fact]
    public void A_record_opens_in_sequence_and_gives_its_type_and_where_its_content_is()
    {
        using var reader = new Tls12RecordProtection(Key, Salt, sequence: 5);
        byte[] record = Convert.FromHexString(Record);

        var (type, offset, length) = reader.Open(record.AsSpan(0, 5), record.AsSpan(5));

        Assert.Equal((TlsContentType.ApplicationData, 8, Content.Length), (type, offset, length));
        Assert.Equal(Content, record.AsSpan(5 + offset, length).ToArray());
    }

    [Theory]
    [InlineData(4, -1)] // another sequence number
    [InlineData(5, 0)] // the type in the header changed (23 to 22, still one this client reads)
    [InlineData(5, 2)] // the version in the header changed
    [InlineData(5, 12)] // the explicit nonce changed
    [InlineData(5, 20)] // the ciphertext changed
    public void A_record_under_another_sequence_number_or_with_a_changed_header_or_body_is_refused(ulong sequence, int changedByte)
    {
        using var reader = new Tls12RecordProtection(Key, Salt, sequence);
        byte[] record = Convert.FromHexString(Record);
        if (changedByte >= 0) record[changedByte] ^= 1;

        var failure = Assert.Throws<TlsException>(() => reader.Open(record.AsSpan(0, 5), record.AsSpan(5)));

        Assert.Contains("bad_record_mac", failure.Message);
    }

    [Fact]
    public void Each_record_sent_has_the_next_sequence_number_as_its_explicit_nonce_and_the_reader_follows()
    {
        using var writer = new Tls12RecordProtection(Key, Salt);
        using var reader = new Tls12RecordProtection(Key, Salt);
        for (ulong sequence = 0; sequence < 3; sequence++)
        {
            byte[] record = new byte[128];
            int length = writer.Seal(TlsContentType.Alert, [1, 0], record);

            Assert.Equal(sequence, BinaryPrimitives.ReadUInt64BigEndian(record.AsSpan(5)));
            var (type, offset, contentLength) = reader.Open(record.AsSpan(0, 5), record.AsSpan(5, length - 5));
            Assert.Equal(TlsContentType.Alert, type);
            Assert.Equal([1, 0], record.AsSpan(5 + offset, contentLength).ToArray());
        }
    }
}
