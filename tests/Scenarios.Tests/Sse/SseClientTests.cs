using IsuBench.Engine.Sse;
using IsuBench.Tests.Scenarios.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace IsuBench.Tests.Scenarios.Sse;

public sealed class SseClientTests
{
    // A safety net against hangs only; no test asserts how fast anything is.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    /// <summary>Every test runs on both ways of opening a stream: the engine's socket client and HttpClient.</summary>
    public static TheoryData<SseTransport> Transports => [SseTransport.Socket, SseTransport.HttpClient];

    private static async Task<(List<SseEvent> Events, SseClient Client)> ReadAsync(
        ScriptedServer server, int count, SseClientOptions options, List<TimeSpan>? waits = null, Action<SseEvent>? onEvent = null)
    {
        using var sessions = TestRuns.Sessions(server.Origin);
        using var session = sessions.Create(new Random(1));
        var client = new SseClient(session, "/stream", options, (delay, token) =>
        {
            waits?.Add(delay);
            return Task.Delay(delay, token);
        });
        var events = new List<SseEvent>();
        using var cts = new CancellationTokenSource(HangGuard);
        await foreach (var item in client.ReadAllAsync(cts.Token))
        {
            events.Add(item);
            onEvent?.Invoke(item);
            if (events.Count == count)
            {
                break;
            }
        }
        return (events, client);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Reconnects_after_a_clean_end_with_the_last_event_id(SseTransport transport)
    {
        await using var server = await ScriptedServer.StartAsync(async (context, index) =>
        {
            await ScriptedServer.StartStreamAsync(context);
            if (index == 0)
            {
                await ScriptedServer.WriteAsync(context, "retry: 10\n\nid: 1\nevent: stroke\ndata: a\n\nid: 2\nevent: stroke\ndata: b\n\n");
            }
            else
            {
                await ScriptedServer.WriteAsync(context, "id: 3\nevent: stroke\ndata: c\n\n");
            }
        });

        var (events, client) = await ReadAsync(server, 3, new SseClientOptions { Transport = transport });

        Assert.Equal(["a", "b", "c"], events.Select(e => e.Data));
        Assert.Equal(["1", "2", "3"], events.Select(e => e.Id));
        var requests = server.Requests.ToArray();
        Assert.Null(requests[0].LastEventId);
        Assert.Equal("2", requests[1].LastEventId);
        Assert.Equal(2, client.Connections);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Reconnects_after_an_aborted_connection_with_the_last_event_id(SseTransport transport)
    {
        var firstRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedServer.StartAsync(async (context, index) =>
        {
            await ScriptedServer.StartStreamAsync(context);
            await ScriptedServer.WriteAsync(context, index == 0 ? "retry: 10\nid: 7\ndata: first\n\n" : "id: 8\ndata: second\n\n");
            if (index == 0)
            {
                // The reset comes once the client has read the event (a reset discards unread data).
                await firstRead.Task.WaitAsync(HangGuard);
                context.Abort(); // reset, not a clean chunked end
            }
        });

        var (events, _) = await ReadAsync(server, 2, new SseClientOptions { Transport = transport }, onEvent: _ => firstRead.TrySetResult());

        Assert.Equal(["first", "second"], events.Select(e => e.Data));
        Assert.Equal("7", server.Requests.ToArray()[1].LastEventId);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task An_id_in_its_own_block_applies_to_the_following_events(SseTransport transport)
    {
        await using var server = await ScriptedServer.StartAsync(async (context, index) =>
        {
            await ScriptedServer.StartStreamAsync(context);
            if (index == 0)
            {
                await ScriptedServer.WriteAsync(context, "retry:10\n\nid:5\n\nevent:stroke\ndata:{\"id\":5}\n\nid:6\n\nevent:stroke\ndata:{\"id\":6}\n\n");
            }
            else
            {
                await ScriptedServer.WriteAsync(context, "event:stroke\ndata:after\n\n");
            }
        });

        var (events, _) = await ReadAsync(server, 3, new SseClientOptions { Transport = transport });

        Assert.Equal(["stroke", "stroke", "stroke"], events.Select(e => e.Type));
        Assert.Equal("5", events[0].Id);
        Assert.Equal("6", events[1].Id);
        Assert.Equal("6", server.Requests.ToArray()[1].LastEventId);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Sends_the_sessions_user_agent_and_the_cookies_a_stream_set(SseTransport transport)
    {
        await using var server = await ScriptedServer.StartAsync(async (context, index) =>
        {
            if (index == 0)
            {
                context.Response.Headers.SetCookie = "s=abc; Path=/";
            }
            await ScriptedServer.StartStreamAsync(context);
            await ScriptedServer.WriteAsync(context, $"retry: 10\ndata: {index}\n\n");
        });

        await ReadAsync(server, 2, new SseClientOptions { Transport = transport });

        var requests = server.Requests.ToArray();
        Assert.Null(requests[0].Cookie);
        Assert.Equal("s=abc", requests[1].Cookie);
        Assert.All(requests, request => Assert.Equal("benchmarker", request.UserAgent));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Honours_the_servers_retry(SseTransport transport)
    {
        await using var server = await ScriptedServer.StartAsync(async (context, index) =>
        {
            await ScriptedServer.StartStreamAsync(context);
            await ScriptedServer.WriteAsync(context, $"retry: 250\ndata: {index}\n\n");
        });

        var waits = new List<TimeSpan>();
        var (_, client) = await ReadAsync(server, 3, new SseClientOptions { Transport = transport }, waits);

        Assert.Equal(TimeSpan.FromMilliseconds(250), client.RetryDelay);
        Assert.Equal([TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250)], waits);
        Assert.Equal(3, client.Connections);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Waits_the_default_second_until_the_server_sends_retry(SseTransport transport)
    {
        await using var server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            await ScriptedServer.StartStreamAsync(context);
            await ScriptedServer.WriteAsync(context, "data: x\n\n");
        });

        var waits = new List<TimeSpan>();
        var (_, client) = await ReadAsync(server, 2, new SseClientOptions { Transport = transport }, waits);

        Assert.Equal(TimeSpan.FromSeconds(1), client.RetryDelay);
        Assert.Equal([TimeSpan.FromSeconds(1)], waits);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Compat_retry_always_waits_one_second(SseTransport transport)
    {
        await using var server = await ScriptedServer.StartAsync(async (context, index) =>
        {
            await ScriptedServer.StartStreamAsync(context);
            await ScriptedServer.WriteAsync(context, $"retry: 10\ndata: {index}\n\n");
        });

        var waits = new List<TimeSpan>();
        var (events, client) = await ReadAsync(server, 2, new SseClientOptions { CompatRetry = true, Transport = transport }, waits);

        Assert.Equal(["0", "1"], events.Select(e => e.Data));
        Assert.Equal([TimeSpan.FromSeconds(1)], waits);
        Assert.Equal(TimeSpan.FromSeconds(1), client.RetryDelay);
    }

    [Theory]
    [InlineData("\uFEFFevent: watcher_count\ndata: 3\n\n", SseTransport.Socket)]
    [InlineData("event: watcher_count\rdata: 3\r\r", SseTransport.Socket)]
    [InlineData("event: watcher_count\r\ndata: 3\r\n\r\n", SseTransport.Socket)]
    [InlineData("\uFEFFevent: watcher_count\ndata: 3\n\n", SseTransport.HttpClient)]
    [InlineData("event: watcher_count\rdata: 3\r\r", SseTransport.HttpClient)]
    [InlineData("event: watcher_count\r\ndata: 3\r\n\r\n", SseTransport.HttpClient)]
    public async Task Parses_bom_and_every_line_ending(string stream, SseTransport transport)
    {
        await using var server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            await ScriptedServer.StartStreamAsync(context);
            await ScriptedServer.WriteAsync(context, stream);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });

        var (events, _) = await ReadAsync(server, 1, new SseClientOptions { Transport = transport });

        Assert.Equal("watcher_count", events[0].Type);
        Assert.Equal("3", events[0].Data);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Joins_data_lines_and_defaults_the_type_to_message(SseTransport transport)
    {
        await using var server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            await ScriptedServer.StartStreamAsync(context);
            await ScriptedServer.WriteAsync(context, ": comment\ndata: one\ndata: two\n\n");
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });

        var (events, _) = await ReadAsync(server, 1, new SseClientOptions { Transport = transport });

        Assert.Equal("message", events[0].Type);
        Assert.Equal("one\ntwo", events[0].Data);
    }

    [Theory]
    [InlineData(false, SseTransport.Socket)]
    [InlineData(true, SseTransport.Socket)]
    [InlineData(false, SseTransport.HttpClient)]
    [InlineData(true, SseTransport.HttpClient)]
    public async Task Rejects_a_two_megabyte_event_as_an_error(bool manyLines, SseTransport transport)
    {
        string line = manyLines ? "data: " + new string('x', 1000) + "\n" : null!;
        await using var server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            await ScriptedServer.StartStreamAsync(context);
            await ScriptedServer.WriteAsync(context, "data: small\n\n");
            if (manyLines)
            {
                for (int i = 0; i < 2100 && !context.RequestAborted.IsCancellationRequested; i++)
                {
                    await ScriptedServer.WriteAsync(context, line);
                }
            }
            else
            {
                await ScriptedServer.WriteAsync(context, "data: " + new string('y', 2 * 1024 * 1024) + "\n\n");
            }
        });

        var received = new List<SseEvent>();
        var error = await Assert.ThrowsAsync<SseException>(async () =>
        {
            using var sessions = TestRuns.Sessions(server.Origin);
            using var session = sessions.Create(new Random(1));
            using var cts = new CancellationTokenSource(HangGuard);
            await foreach (var item in new SseClient(session, "/", new SseClientOptions { Transport = transport }).ReadAllAsync(cts.Token))
            {
                received.Add(item);
            }
        });

        Assert.Equal(SseFailureKind.EventTooLarge, error.Kind);
        Assert.Equal(["small"], received.Select(e => e.Data));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Stops_on_cancellation_when_the_server_stalls_mid_stream(SseTransport transport)
    {
        await using var server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            await ScriptedServer.StartStreamAsync(context);
            await ScriptedServer.WriteAsync(context, "data: only\n\n");
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var sessions = TestRuns.Sessions(server.Origin);
        using var session = sessions.Create(new Random(1));
        using var cts = new CancellationTokenSource();
        var received = new List<SseEvent>();

        var reading = Task.Run(async () =>
        {
            await foreach (var item in new SseClient(session, "/", new SseClientOptions { Transport = transport }).ReadAllAsync(cts.Token))
            {
                received.Add(item);
                cts.CancelAfter(TimeSpan.FromMilliseconds(100));
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(HangGuard));
        Assert.Single(received);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Stops_on_cancellation_when_the_server_never_sends_headers(SseTransport transport)
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Task.Delay(Timeout.Infinite, context.RequestAborted));
        using var sessions = TestRuns.Sessions(server.Origin);
        using var session = sessions.Create(new Random(1));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var reading = Task.Run(async () =>
        {
            await foreach (var _ in new SseClient(session, "/", new SseClientOptions { Transport = transport }).ReadAllAsync(cts.Token))
            {
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(HangGuard));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_wrong_content_type_is_an_error(SseTransport transport)
    {
        await using var server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            await ScriptedServer.StartStreamAsync(context, "text/plain");
            await ScriptedServer.WriteAsync(context, "data: x\n\n");
        });

        var error = await Assert.ThrowsAsync<SseException>(() => ReadAsync(server, 1, new SseClientOptions { Transport = transport }));

        Assert.Equal(SseFailureKind.ContentType, error.Kind);
        Assert.Contains("text/plain", error.Message);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_status_other_than_200_is_an_error(SseTransport transport)
    {
        await using var server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = 404;
            context.Response.ContentType = "text/event-stream";
            await ScriptedServer.WriteAsync(context, "data: x\n\n");
        });

        var error = await Assert.ThrowsAsync<SseException>(() => ReadAsync(server, 1, new SseClientOptions { Transport = transport }));

        Assert.Equal(SseFailureKind.Status, error.Kind);
        Assert.Contains("404", error.Message);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_refused_connection_is_a_transport_error_reported_and_tried_again(SseTransport transport)
    {
        Uri origin;
        await using (var server = await ScriptedServer.StartAsync((_, _) => Task.CompletedTask))
        {
            origin = server.Origin;
        }
        using var sessions = TestRuns.Sessions(origin);
        using var session = sessions.Create(new Random(1));
        var waits = new List<TimeSpan>();
        var client = new SseClient(session, "/", new SseClientOptions { Transport = transport }, (delay, _) =>
        {
            waits.Add(delay);
            return Task.CompletedTask;
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var failures = new List<SseException>();
        client.OpenFailed += (_, failure) =>
        {
            failures.Add(failure);
            if (failures.Count == 3) cts.Cancel();
        };

        // Cancelled between two attempts, the client ends as when cancelled in one.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.ReadAllAsync(cts.Token))
            {
            }
        });

        Assert.Equal(3, failures.Count);
        Assert.All(failures, f => Assert.Equal(SseFailureKind.Transport, f.Kind));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], waits.Take(2));
    }
}
