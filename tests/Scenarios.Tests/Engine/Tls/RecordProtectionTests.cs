using IsuBench.Engine.Tls;

namespace IsuBench.Tests.Scenarios.Engine.Tls;

public sealed class RecordProtectionTests
{
    private static readonly byte[] Secret = Convert.FromHexString("b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38");

    [Fact]
    public void A_sealed_record_opens_on_the_other_side_with_its_type_and_content_in_sequence()
    {
        using var writer = new RecordProtection(Secret);
        using var reader = new RecordProtection(Secret);
        foreach (string text in new[] { "first", "second record" })
        {
            var record = new byte[64];
            int length = writer.Seal(TlsContentType.ApplicationData, System.Text.Encoding.ASCII.GetBytes(text), record);

            Assert.Equal([23, 3, 3], record[..3]);
            Assert.Equal(length - TlsLimits.RecordHeader, (record[3] << 8) | record[4]);
            var (type, contentLength) = reader.Open(record.AsSpan(0, 5), record.AsSpan(5, length - 5));
            Assert.Equal((TlsContentType.ApplicationData, text), (type, System.Text.Encoding.ASCII.GetString(record, 5, contentLength)));
        }
    }

    [Fact]
    public void A_changed_byte_a_replayed_record_and_a_record_without_a_type_are_refused()
    {
        using var writer = new RecordProtection(Secret);
        using var reader = new RecordProtection(Secret);
        var record = new byte[64];
        int length = writer.Seal(TlsContentType.ApplicationData, "hello"u8, record);
        var tampered = record.ToArray();
        tampered[7] ^= 1;

        Assert.Contains("bad_record_mac", Assert.Throws<TlsException>(() => reader.Open(tampered.AsSpan(0, 5), tampered.AsSpan(5, length - 5))).Message);
        // The failed record used up sequence number 0, so the genuine one no longer opens either: no replay.
        Assert.Throws<TlsException>(() => reader.Open(record.AsSpan(0, 5), record.AsSpan(5, length - 5)));

        using var zeroWriter = new RecordProtection(Secret);
        using var zeroReader = new RecordProtection(Secret);
        var empty = new byte[64];
        int emptyLength = zeroWriter.Seal(0, [], empty);
        Assert.Contains("no content type", Assert.Throws<TlsException>(() => zeroReader.Open(empty.AsSpan(0, 5), empty.AsSpan(5, emptyLength - 5))).Message);
    }
}
