using System.Text;
using IsuBench.Engine.Sse.Transport;

namespace IsuBench.Tests.Scenarios.Sse.Transport;

public sealed class EventStreamRequestTests
{
    [Fact]
    public void Writes_a_get_with_the_stream_headers()
    {
        byte[] request = EventStreamRequest.Format(new Uri("http://127.0.0.1:8080/api/stream/rooms/1?csrf_token=a%20b"), "benchmarker", "42", "s=1");

        Assert.Equal(
            "GET /api/stream/rooms/1?csrf_token=a%20b HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: benchmarker\r\n" +
            "Accept: text/event-stream\r\nCache-Control: no-cache\r\nLast-Event-ID: 42\r\nCookie: s=1\r\n\r\n",
            Encoding.UTF8.GetString(request));
    }

    [Fact]
    public void Leaves_out_absent_headers_and_the_default_port()
    {
        string request = Encoding.UTF8.GetString(EventStreamRequest.Format(new Uri("http://localhost/s"), "ua", null, null));

        Assert.StartsWith("GET /s HTTP/1.1\r\nHost: localhost\r\n", request);
        Assert.DoesNotContain("Last-Event-ID", request);
        Assert.DoesNotContain("Cookie", request);
    }

    [Theory]
    [InlineData("1\r\nX-Injected: yes")]
    [InlineData("1\n")]
    [InlineData("1\0")]
    public void Refuses_a_value_that_would_break_the_request_apart(string lastEventId)
    {
        var error = Assert.Throws<HttpRequestException>(() => EventStreamRequest.Format(new Uri("http://localhost/"), "ua", lastEventId, null));

        Assert.Contains("Last-Event-ID", error.Message);
    }
}
