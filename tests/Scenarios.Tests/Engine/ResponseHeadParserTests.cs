using System.Text;
using IsuBench.Engine.Http;

namespace IsuBench.Tests.Scenarios.Engine;

public sealed class ResponseHeadParserTests
{
    private static ResponseHead? Parse(string text, out int length) => ResponseHeadParser.TryParse(Encoding.Latin1.GetBytes(text), out length);

    [Fact]
    public void Parses_a_chunked_event_stream_head_and_reports_its_length()
    {
        const string Head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2; Path=/\r\n\r\n";

        var head = Parse(Head + "5\r\nhello", out int length);

        Assert.NotNull(head);
        Assert.Equal(200, head.Status);
        Assert.Equal("text/event-stream", head.ContentType);
        Assert.Equal(BodyFraming.Chunked, head.Framing);
        Assert.Equal(["a=1", "b=2; Path=/"], head.SetCookies);
        Assert.Equal(Head.Length, length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("HTTP/1.1 200 OK\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r")]
    public void An_incomplete_head_is_not_parsed_yet(string text)
    {
        Assert.Null(Parse(text, out int length));
        Assert.Equal(0, length);
    }

    [Fact]
    public void Accepts_bare_line_feeds_an_empty_reason_and_padding_around_values()
    {
        var head = Parse("HTTP/1.0 404\nContent-Type:   text/plain  \nContent-Length: 12\n\n", out int length);

        Assert.NotNull(head);
        Assert.Equal(404, head.Status);
        Assert.Equal("text/plain", head.ContentType);
        Assert.Equal(BodyFraming.ContentLength, head.Framing);
        Assert.Equal(12, head.ContentLength);
        Assert.True(length > 0);
    }

    [Theory]
    [InlineData("Transfer-Encoding: chunked\r\nContent-Length: 10\r\n", BodyFraming.Chunked)]
    [InlineData("Transfer-Encoding: gzip, chunked\r\n", BodyFraming.Chunked)]
    [InlineData("Transfer-Encoding: gzip\r\nTransfer-Encoding: CHUNKED\r\n", BodyFraming.Chunked)]
    [InlineData("Transfer-Encoding: chunked, gzip\r\n", BodyFraming.UntilClose)]
    [InlineData("Content-Length: 10\r\nContent-Length: 10\r\n", BodyFraming.ContentLength)]
    [InlineData("", BodyFraming.UntilClose)]
    public void Finds_how_the_body_ends(string fields, BodyFraming expected)
    {
        var head = Parse("HTTP/1.1 200 OK\r\n" + fields + "\r\n", out _);

        Assert.Equal(expected, head!.Framing);
    }

    [Fact]
    public void A_repeated_content_type_counts_as_none()
    {
        var head = Parse("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\ncontent-type: text/html\r\n\r\n", out _);

        Assert.Null(head!.ContentType);
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(103, true)]
    [InlineData(101, false)]
    [InlineData(200, false)]
    public void Tells_interim_responses_apart(int status, bool interim)
    {
        var head = Parse($"HTTP/1.1 {status} X\r\n\r\n", out _);

        Assert.Equal(interim, head!.IsInterim);
    }

    [Theory]
    [InlineData("HTTP/2 200 OK\r\n\r\n", "invalid status line 'HTTP/2 200 OK'")]
    [InlineData("ICY 200 OK\r\n\r\n", "invalid status line")]
    [InlineData("HTTP/1.1 20 OK\r\n\r\n", "invalid status line")]
    [InlineData("HTTP/1.1 2000 OK\r\n\r\n", "invalid status line")]
    [InlineData("HTTP/1.1 099 OK\r\n\r\n", "invalid status line")]
    [InlineData("\r\nHTTP/1.1 200 OK\r\n\r\n", "invalid status line")]
    [InlineData("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", "invalid header line 'no colon here'")]
    [InlineData("HTTP/1.1 200 OK\r\n: empty name\r\n\r\n", "invalid header line")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Type : text/event-stream\r\n\r\n", "invalid header name 'Content-Type '")]
    [InlineData("HTTP/1.1 200 OK\r\nA: b\r\n folded: value\r\n\r\n", "invalid header name")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "invalid Content-Length '-1'")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", "invalid Content-Length '2'")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n", "invalid Content-Length")]
    public void A_malformed_head_is_an_error_that_says_what_is_wrong(string text, string message)
    {
        var error = Assert.Throws<HttpRequestException>(() => Parse(text, out _));

        Assert.StartsWith("malformed response: ", error.Message);
        Assert.Contains(message, error.Message);
    }
}
