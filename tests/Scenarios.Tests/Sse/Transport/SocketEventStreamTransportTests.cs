using IsuBench.Engine.Sse;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Tests.Scenarios.Sse.Transport;

/// <summary>The engine's own HTTP/1.1 reading, through the SSE client, against servers that frame or break responses in every way.</summary>
public sealed class SocketEventStreamTransportTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);
    private const string StreamHead = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n";

    // Reads events until `count` arrived; a failure the client does not recover from is thrown.
    private static async Task<(List<string> Data, SseClient Client)> ReadAsync(RawHttpServer server, int count, Uri? origin = null)
    {
        using var sessions = TestRuns.Sessions(origin ?? server.Origin);
        using var session = sessions.Create(new Random(1));
        var client = new SseClient(session, "/stream", new SseClientOptions { DefaultRetry = TimeSpan.FromMilliseconds(10) });
        var data = new List<string>();
        using var cts = new CancellationTokenSource(HangGuard);
        await foreach (var item in client.ReadAllAsync(cts.Token))
        {
            data.Add(item.Data);
            if (data.Count == count)
            {
                break;
            }
        }
        return (data, client);
    }

    // The first of two failed openings: the client reports each and tries again, as browsers do.
    private static async Task<SseException> FirstOpenFailureAsync(RawHttpServer server)
    {
        using var sessions = TestRuns.Sessions(server.Origin);
        using var session = sessions.Create(new Random(1));
        var client = new SseClient(session, "/stream", new SseClientOptions { DefaultRetry = TimeSpan.FromMilliseconds(10) });
        using var cts = new CancellationTokenSource(HangGuard);
        var failures = new List<SseException>();
        client.OpenFailed += (_, failure) =>
        {
            failures.Add(failure);
            if (failures.Count == 2) cts.Cancel();
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.ReadAllAsync(cts.Token))
            {
            }
        });
        Assert.Equal(2, failures.Count);
        return failures[0];
    }

    private static Task HoldAsync(CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);

    // A server that writes the answer for each request in one piece and keeps the connection open.
    private static RawHttpServer AnswerAndHold(Func<int, string> answer) => RawHttpServer.Start(async (stream, index, token) =>
    {
        await RawHttpServer.WriteAsync(stream, answer(index), token);
        await HoldAsync(token);
    });

    [Fact]
    public async Task A_content_length_body_ends_at_its_length_and_the_client_reconnects()
    {
        // The head and the body in one write, and bytes past the length that must not be read as events.
        await using var server = AnswerAndHold(index => StreamHead + "Content-Length: 20\r\n\r\n" + $"data: {index}\n\ndata: unre\n\ndata: past\n\n");

        var (data, client) = await ReadAsync(server, 2);

        Assert.Equal(["0", "1"], data);
        Assert.Equal(2, client.Connections);
    }

    [Fact]
    public async Task A_host_name_is_resolved_and_sent_as_the_host()
    {
        // The server listens on 127.0.0.1 only; where localhost also names ::1, that address refuses and the next is tried.
        await using var server = AnswerAndHold(_ => StreamHead + "\r\ndata: by name\n\n");

        var (data, _) = await ReadAsync(server, 1, new Uri($"http://localhost:{server.Origin.Port}"));

        Assert.Equal(["by name"], data);
        Assert.Contains($"Host: localhost:{server.Origin.Port}\r\n", server.Requests.Single());
    }

    [Fact]
    public async Task A_finished_stream_closes_its_connection_before_the_reconnection_wait_not_after_it()
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = RawHttpServer.Start(async (stream, index, token) =>
        {
            await RawHttpServer.WriteAsync(stream, StreamHead + "Content-Length: 9\r\n\r\ndata: x\n\n", token);
            if (index == 0)
            {
                byte[] one = new byte[1];
                while (await stream.ReadAsync(one, token) > 0)
                {
                }
                closed.TrySetResult(); // the client closed its end
            }
            await HoldAsync(token);
        });
        using var sessions = TestRuns.Sessions(server.Origin);
        using var session = sessions.Create(new Random(1));
        bool closedDuringWait = false;
        // The wait ends once the server has seen the first connection close, or after a guard if it never does.
        var client = new SseClient(session, "/stream", new SseClientOptions(), async (_, token) =>
            closedDuringWait = await Task.WhenAny(closed.Task, Task.Delay(TimeSpan.FromSeconds(10), token)) == closed.Task);
        using var cts = new CancellationTokenSource(HangGuard);
        int events = 0;
        await foreach (var _ in client.ReadAllAsync(cts.Token))
        {
            if (++events == 2)
            {
                break;
            }
        }

        Assert.True(closedDuringWait);
    }

    [Fact]
    public async Task A_body_without_length_ends_when_the_server_closes()
    {
        await using var server = RawHttpServer.Start(async (stream, index, token) =>
        {
            await RawHttpServer.WriteAsync(stream, StreamHead + "\r\n", token);
            await RawHttpServer.WriteAsync(stream, $"id: {index}\ndata: {index}\n\n", token);
        });

        var (data, _) = await ReadAsync(server, 2);

        Assert.Equal(["0", "1"], data);
        Assert.Contains("Last-Event-ID: 0\r\n", server.Requests.ToArray()[1]);
    }

    [Fact]
    public async Task A_chunked_body_split_anywhere_gives_whole_events()
    {
        await using var server = RawHttpServer.Start(async (stream, _, token) =>
        {
            // Chunks "data: one\n\n", "data: two\n" (with an extension) and "\n", cut at every kind of place.
            await RawHttpServer.WriteAsync(stream, StreamHead + "Transfer-Encoding: chunked\r\n\r\nB\r\ndata: o", token);
            foreach (string piece in new[] { "n", "e\n", "\n\r", "\nA;e", "xt=1\r\nda", "ta: two\n\r", "\n1\r\n", "\n\r\n" })
            {
                await Task.Delay(20, token);
                await RawHttpServer.WriteAsync(stream, piece, token);
            }
            await HoldAsync(token);
        });

        var (data, client) = await ReadAsync(server, 2);

        Assert.Equal(["one", "two"], data);
        Assert.Equal(1, client.Connections);
    }

    [Fact]
    public async Task An_interim_response_before_the_real_one_is_skipped()
    {
        await using var server = AnswerAndHold(_ => "HTTP/1.1 100 Continue\r\n\r\n" + StreamHead + "\r\ndata: after\n\n");

        var (data, _) = await ReadAsync(server, 1);

        Assert.Equal(["after"], data);
    }

    [Fact]
    public async Task Broken_chunk_framing_drops_the_connection_and_the_client_reconnects()
    {
        await using var server = AnswerAndHold(index =>
            StreamHead + "Transfer-Encoding: chunked\r\n\r\n" + (index == 0 ? "9\r\ndata: a\n\n\r\nzz\r\n" : "9\r\ndata: b\n\n\r\n"));

        var (data, client) = await ReadAsync(server, 2);

        Assert.Equal(["a", "b"], data);
        Assert.Equal(2, client.Connections);
    }

    [Fact]
    public async Task A_connection_closed_mid_chunk_makes_the_client_reconnect()
    {
        await using var server = RawHttpServer.Start(async (stream, index, token) =>
        {
            await RawHttpServer.WriteAsync(stream, StreamHead + "Transfer-Encoding: chunked\r\n\r\n", token);
            await RawHttpServer.WriteAsync(stream, $"9\r\ndata: {index}\n\n\r\n20\r\ndata: cut", token);
        });

        var (data, client) = await ReadAsync(server, 2);

        Assert.Equal(["0", "1"], data);
        Assert.Equal(2, client.Connections);
    }

    [Theory]
    [InlineData("HTTP/2 200 OK\r\n\r\n", "malformed response: invalid status line")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Type text/event-stream\r\n\r\n", "malformed response: invalid header line")]
    [InlineData("", "the server closed the connection without a response")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Ty", "the server closed the connection in the middle of the response head")]
    public async Task A_malformed_or_missing_head_is_a_transport_error_that_says_why_and_is_tried_again(string answer, string message)
    {
        await using var server = RawHttpServer.Start((stream, _, token) => RawHttpServer.WriteAsync(stream, answer, token));

        var error = await FirstOpenFailureAsync(server);

        Assert.Equal(SseFailureKind.Transport, error.Kind);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task An_endless_head_is_refused_at_the_cap_not_buffered_and_tried_again()
    {
        await using var server = RawHttpServer.Start(async (stream, _, token) =>
        {
            await RawHttpServer.WriteAsync(stream, StreamHead, token);
            string field = "X-Filler: " + new string('x', 1000) + "\r\n";
            while (!token.IsCancellationRequested)
            {
                await RawHttpServer.WriteAsync(stream, field, token);
            }
        });

        var error = await FirstOpenFailureAsync(server);

        Assert.Equal(SseFailureKind.Transport, error.Kind);
        Assert.Contains("head over 64 KB", error.Message);
    }
}
