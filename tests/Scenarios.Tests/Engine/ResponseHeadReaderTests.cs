using System.Text;
using IsuBench.Engine.Http;

namespace IsuBench.Tests.Scenarios.Engine;

public sealed class ResponseHeadReaderTests
{
    /// <summary>A receive function that hands out <paramref name="text"/> in pieces of at most <paramref name="piece"/> bytes, then 0.</summary>
    private static Func<Memory<byte>, CancellationToken, ValueTask<int>> Pieces(string text, int piece)
    {
        var bytes = Encoding.Latin1.GetBytes(text);
        int at = 0;
        return (memory, _) =>
        {
            int n = Math.Min(Math.Min(piece, memory.Length), bytes.Length - at);
            bytes.AsSpan(at, n).CopyTo(memory.Span);
            at += n;
            return ValueTask.FromResult(n);
        };
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Skips_interim_heads_and_returns_the_body_bytes_that_came_along_unless_the_body_is_dropped(int piece)
    {
        const string Response = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";

        var (head, pending) = await ResponseHeadReader.ReadAsync(Pieces(Response, piece), CancellationToken.None);
        var (dropped, none) = await ResponseHeadReader.ReadAsync(Pieces(Response, piece), CancellationToken.None, keepBody: false);

        Assert.Equal((200, 5L), (head.Status, head.ContentLength));
        // Only what came along with the head is pending: the whole body in one read, the start of it (or nothing) in small ones.
        var came = Encoding.ASCII.GetString(pending ?? []);
        Assert.Equal("hello"[..came.Length], came);
        if (piece == 4096) Assert.Equal("hello", came);
        Assert.Equal(200, dropped.Status);
        Assert.Null(none);
    }

    [Fact]
    public async Task A_cut_or_endless_head_is_a_malformed_response()
    {
        var cut = await Assert.ThrowsAsync<HttpRequestException>(() =>
            ResponseHeadReader.ReadAsync(Pieces("HTTP/1.1 200 OK\r\nContent-Le", 4096), CancellationToken.None));
        var endless = await Assert.ThrowsAsync<HttpRequestException>(() =>
            ResponseHeadReader.ReadAsync(Pieces("HTTP/1.1 200 OK\r\n" + new string('x', ResponseHeadReader.MaxHeadBytes), 4096), CancellationToken.None));

        Assert.Contains("in the middle of the response head", cut.Message);
        Assert.Contains("head over 64 KB", endless.Message);
    }
}
