using System.Text;
using IsuBench.Engine.Sse.Transport;

namespace IsuBench.Tests.Scenarios.Sse.Transport;

public sealed class ChunkedDecoderTests
{
    private const string Framed = "5\r\nhello\r\n1;name=value\r\n \r\nA\r\n0123456789\r\n0\r\nTrailer: x\r\n\r\n";

    // Feeds the bytes in pieces of the given sizes and returns the data kept and whether the decoder saw the end.
    private static (string Data, bool Done) Decode(string framed, params int[] pieces)
    {
        var decoder = new ChunkedDecoder();
        byte[] bytes = Encoding.Latin1.GetBytes(framed);
        var data = new StringBuilder();
        int offset = 0;
        foreach (int size in pieces.Append(bytes.Length))
        {
            int take = Math.Min(size, bytes.Length - offset);
            var piece = bytes.AsSpan(offset, take).ToArray();
            int kept = decoder.Decode(piece);
            data.Append(Encoding.Latin1.GetString(piece, 0, kept));
            offset += take;
        }
        decoder.ThrowIfFailed(); // as the body stream does before it waits for more bytes
        return (data.ToString(), decoder.IsDone);
    }

    [Fact]
    public void Keeps_the_data_of_every_chunk_and_sees_the_end()
    {
        Assert.Equal(("hello 0123456789", true), Decode(Framed));
    }

    [Fact]
    public void Every_split_of_the_input_gives_the_same_data()
    {
        for (int first = 0; first <= Framed.Length; first++)
        {
            for (int second = 0; second <= Framed.Length - first; second += 3)
            {
                Assert.Equal(("hello 0123456789", true), Decode(Framed, first, second));
            }
        }
        Assert.Equal(("hello 0123456789", true), Decode(Framed, Enumerable.Repeat(1, Framed.Length).ToArray()));
    }

    [Fact]
    public void Accepts_bare_line_feeds_and_upper_case_hex()
    {
        Assert.Equal(("abcdefghijklmnopqrstuvwxyz", true), Decode("1A\nabcdefghijklmnopqrstuvwxyz\n0\n\n"));
    }

    [Fact]
    public void Is_not_done_before_the_last_chunk_and_ignores_bytes_after_it()
    {
        Assert.Equal(("hello", false), Decode("5\r\nhello\r\n"));
        Assert.Equal(("hi", true), Decode("2\r\nhi\r\n0\r\n\r\n3\r\nbad"));
    }

    [Theory]
    [InlineData("\r\nhello", "expected a chunk size, got byte 0x0D")]
    [InlineData("x\r\n", "expected a chunk size, got byte 0x78")]
    [InlineData("5x\r\n", "unexpected byte 0x78 in a chunk size")]
    [InlineData("5\rX", "expected byte 0x0A, got 0x58")]
    [InlineData("2\r\nhiX", "expected byte 0x0D, got 0x58")]
    [InlineData("2\r\nhi\rX", "expected byte 0x0A, got 0x58")]
    [InlineData("10000000000000000\r\n", "chunk size too large")]
    [InlineData("0\r\n\rX", "expected byte 0x0A, got 0x58")]
    public void Malformed_framing_is_an_io_error_that_says_what_is_wrong(string framed, string message)
    {
        var error = Assert.Throws<IOException>(() => Decode(framed));

        Assert.Equal("invalid chunked body: " + message, error.Message);
    }

    [Fact]
    public void Data_before_bad_framing_is_returned_and_the_error_comes_on_the_next_call()
    {
        var decoder = new ChunkedDecoder();
        byte[] bytes = Encoding.Latin1.GetBytes("2\r\nhi\r\nzz");

        Assert.Equal(2, decoder.Decode(bytes));
        Assert.Equal("hi", Encoding.Latin1.GetString(bytes, 0, 2));
        Assert.Throws<IOException>(decoder.ThrowIfFailed);
        Assert.Throws<IOException>(() => decoder.Decode(new byte[] { (byte)'1' }));
    }

    [Fact]
    public void An_endless_chunk_extension_or_trailer_is_an_error_not_growth()
    {
        string longText = new('e', ChunkedDecoder.MaxLineBytes + 1);

        Assert.Contains("over", Assert.Throws<IOException>(() => Decode("1;" + longText)).Message);
        Assert.Contains("over", Assert.Throws<IOException>(() => Decode("0\r\nX-" + longText)).Message);
    }
}
