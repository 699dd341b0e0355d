using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;
using IsuBench.Tests.Scenarios.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace IsuBench.Tests.Scenarios.Engine;

public sealed class SessionTests
{
    [Theory]
    [InlineData(TransportMode.SharedPool)]
    [InlineData(TransportMode.PerSession)]
    public async Task Each_session_keeps_its_own_cookies_even_over_a_shared_pool(TransportMode mode)
    {
        await using var server = await ScriptedServer.StartAsync(async (context, index) =>
        {
            if (!context.Request.Headers.ContainsKey("Cookie"))
            {
                context.Response.Headers.SetCookie = $"sid=s{index}; Path=/";
            }
            await ScriptedServer.WriteAsync(context, "ok");
        });
        using var sessions = TestRuns.Sessions(server.Origin, options: new SessionOptions { Transport = mode, SharedPoolSize = 1 });
        using var first = sessions.Create(new Random(1));
        using var second = sessions.Create(new Random(2));

        await first.GetAsync("/", "GET /", CancellationToken.None);
        await second.GetAsync("/", "GET /", CancellationToken.None);
        await second.GetAsync("/", "GET /", CancellationToken.None);
        await first.GetAsync("/", "GET /", CancellationToken.None);

        var cookies = server.Requests.OrderBy(r => r.Index).Select(r => r.Cookie).ToArray();
        Assert.Equal(new string?[] { null, null, "sid=s1", "sid=s0" }, cookies);
    }

    [Theory]
    [InlineData(TransportMode.SharedPool)]
    [InlineData(TransportMode.PerSession)]
    public async Task A_request_discarding_its_body_closes_its_connection_as_the_original_s_image_requests_did(TransportMode mode)
    {
        var seen = new System.Collections.Concurrent.ConcurrentQueue<(string Path, string Connection, string? Header)>();
        await using var server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            seen.Enqueue((context.Request.Path, context.Connection.Id, context.Request.Headers.Connection.ToString()));
            await ScriptedServer.WriteAsync(context, new string('x', 100_000));
        });
        using var sessions = TestRuns.Sessions(server.Origin, options: new SessionOptions { Transport = mode, SharedPoolSize = 1 });
        using var session = sessions.Create(new Random(1));

        var read = await session.GetAsync("/page", "GET /page", CancellationToken.None);
        await session.GetAsync("/page", "GET /page", CancellationToken.None);
        var image = await session.GetDiscardingBodyAsync("/img/1", "GET /img/{id}", CancellationToken.None);
        await session.GetDiscardingBodyAsync("/img/2", "GET /img/{id}", CancellationToken.None);

        Assert.Equal(100_000, read.Body.Length);
        Assert.Equal((200, 0), (image.Status, image.Body.Length));
        var requests = seen.ToList();
        // The pages share a connection; the first image may take it over, but no connection serves after an image.
        Assert.Equal(requests[0].Connection, requests[1].Connection);
        Assert.NotEqual(requests[2].Connection, requests[3].Connection);
        Assert.NotEqual(requests[0].Connection, requests[3].Connection);
        Assert.All(requests.Where(r => r.Path.StartsWith("/img/", StringComparison.Ordinal)), r => Assert.Equal("close", r.Header, ignoreCase: true));
    }

    [Fact]
    public async Task Over_https_each_session_keeps_its_own_connection_and_an_image_takes_a_connection_of_its_own_for_its_head()
    {
        var seen = new System.Collections.Concurrent.ConcurrentQueue<(string Path, string Connection, string UserAgent)>();
        using var certificate = ScriptedServer.SelfSignedCertificate();
        await using var server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            seen.Enqueue((context.Request.Path, context.Connection.Id, context.Request.Headers.UserAgent.ToString()));
            context.Response.StatusCode = context.Request.Path == "/missing" ? 404 : 200;
            await ScriptedServer.WriteAsync(context, new string('x', 50_000));
        }, certificate);
        Assert.Equal(Uri.UriSchemeHttps, server.Origin.Scheme);
        // The default transport: a pool of its own per session over https, as the original's sessions had.
        using var sessions = TestRuns.Sessions(server.Origin);
        using var first = sessions.Create(new Random(1));
        using var second = sessions.Create(new Random(2));

        var page = await first.GetAsync("/page", "GET /page", CancellationToken.None);
        await first.GetAsync("/page", "GET /page", CancellationToken.None);
        await second.GetAsync("/page", "GET /page", CancellationToken.None);
        var image = await first.GetDiscardingBodyAsync("/img/1", "GET /img/{id}", CancellationToken.None);
        var missing = await first.GetDiscardingBodyAsync("/missing", "GET /img/{id}", CancellationToken.None);

        Assert.Equal((200, 50_000), (page.Status, page.Body.Length));
        Assert.Equal((FailureKind.None, 200, 0), (image.Failure, image.Status, image.Body.Length));
        Assert.Equal(404, missing.Status);
        var requests = seen.ToList();
        Assert.Equal(requests[0].Connection, requests[1].Connection);
        Assert.Equal(4, requests.Select(r => r.Connection).Distinct().Count()); // the pages of the first session, of the second, and one per image
        Assert.All(requests, r => Assert.Equal("benchmarker", r.UserAgent));
        Assert.Equal(2, sessions.Metrics.Endpoints.Snapshot().Single(e => e.Endpoint == "GET /img/{id}").Requests);
    }

    [Fact]
    public async Task Concurrent_requests_of_one_session_share_its_cookies_safely()
    {
        await using var server = await ScriptedServer.StartAsync(async (context, index) =>
        {
            context.Response.Headers.SetCookie = $"c{index % 5}=v; Path=/";
            await ScriptedServer.WriteAsync(context, "ok");
        });
        using var sessions = TestRuns.Sessions(server.Origin);
        using var session = sessions.Create(new Random(1));

        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => session.GetAsync("/", "GET /", CancellationToken.None)));

        Assert.All(responses, response => Assert.True(response.Is(200)));
        Assert.Equal(5, session.Cookies.Count);
    }

    [Fact]
    public async Task With_its_own_pool_a_sessions_stream_reuses_the_connection_of_its_earlier_request()
    {
        // Why one pool per session costs no extra socket per watcher when streams go through HttpClient: GET the page,
        // then the stream on the same connection. (The socket transport always opens a connection of its own.)
        var connections = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var server = await ScriptedServer.StartAsync(async (context, index) =>
        {
            connections.Enqueue(context.Connection.Id);
            if (index == 0)
            {
                await ScriptedServer.WriteAsync(context, "page");
                return;
            }
            await ScriptedServer.StartStreamAsync(context);
            await ScriptedServer.WriteAsync(context, "data: x\n\n");
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var sessions = TestRuns.Sessions(server.Origin, options: new SessionOptions { Transport = TransportMode.PerSession });
        using var session = sessions.Create(new Random(1));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var page = await session.GetAsync("/rooms/1", "GET /rooms/{id}", cts.Token);
        await foreach (var _ in new IsuBench.Engine.Sse.SseClient(session, "/stream", new() { Transport = IsuBench.Engine.Sse.SseTransport.HttpClient }).ReadAllAsync(cts.Token))
        {
            break;
        }

        Assert.True(page.Is(200));
        Assert.Equal(2, connections.Count);
        Assert.Single(connections.Distinct());
    }

    [Fact]
    public async Task Sends_the_configured_user_agent()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.WriteAsync(context, "ok"));
        using var sessions = TestRuns.Sessions(server.Origin);
        using var session = sessions.Create(new Random(1));
        using var custom = TestRuns.Sessions(server.Origin, options: new SessionOptions { UserAgent = "isubench/1" });
        using var customSession = custom.Create(new Random(1));

        await session.GetAsync("/", "GET /", CancellationToken.None);
        await customSession.GetAsync("/", "GET /", CancellationToken.None);

        Assert.Equal(["benchmarker", "isubench/1"], server.Requests.OrderBy(r => r.Index).Select(r => r.UserAgent));
    }

    [Fact]
    public async Task A_redirect_is_a_failure_and_is_not_followed()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) =>
        {
            context.Response.Redirect("/elsewhere");
            return Task.CompletedTask;
        });
        using var sessions = TestRuns.Sessions(server.Origin);
        using var session = sessions.Create(new Random(1));

        var response = await session.GetAsync("/", "GET /", CancellationToken.None);

        Assert.Equal(FailureKind.Redirect, response.Failure);
        Assert.Equal(302, response.Status);
        Assert.Contains("/elsewhere", response.FailureMessage);
        Assert.Single(server.Requests);
        Assert.Equal(1, sessions.Metrics.Endpoints.Snapshot().Single().Errors);
    }

    [Fact]
    public async Task A_slow_response_times_out_and_is_counted_as_a_timeout()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
        using var sessions = TestRuns.Sessions(server.Origin, options: new SessionOptions { RequestTimeout = TimeSpan.FromMilliseconds(200) });
        using var session = sessions.Create(new Random(1));

        var response = await session.GetAsync("/api/rooms", "GET /api/rooms", CancellationToken.None);

        Assert.Equal(FailureKind.Timeout, response.Failure);
        Assert.Equal("GET /api/rooms: request timed out after 0.2 s", response.FailureMessage);
        var stats = sessions.Metrics.Endpoints.Snapshot().Single();
        Assert.Equal((1L, 1L, 1L), (stats.Requests, stats.Errors, stats.Timeouts));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_failure()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.WriteAsync(context, new string('x', 5000)));
        using var sessions = TestRuns.Sessions(server.Origin, options: new SessionOptions { MaxBodyBytes = 1000 });
        using var session = sessions.Create(new Random(1));

        var response = await session.GetAsync("/", "GET /", CancellationToken.None);

        Assert.Equal(FailureKind.BodyTooLarge, response.Failure);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(16 * 1024)]
    [InlineData(16 * 1024 + 1)]
    [InlineData(48 * 1024 + 1)]
    [InlineData(100_000)]
    public async Task A_chunked_body_of_any_size_under_the_limit_arrives_whole(int size)
    {
        // Written in uneven pieces without Content-Length, so the body is chunked and read into pooled segments
        // (16, 32, then 64 KB each): the sizes sit on and just past their boundaries, and the last one at the limit.
        string text = string.Concat(Enumerable.Range(0, size).Select(i => (char)('a' + i % 26)));
        await using var server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            for (int offset = 0; offset < text.Length; offset += 7000)
            {
                await ScriptedServer.WriteAsync(context, text.Substring(offset, Math.Min(7000, text.Length - offset)));
            }
        });
        using var sessions = TestRuns.Sessions(server.Origin, options: new SessionOptions { MaxBodyBytes = 100_000 });
        using var session = sessions.Create(new Random(1));

        var response = await session.GetAsync("/", "GET /", CancellationToken.None);

        Assert.True(response.Is(200));
        Assert.Equal(text, response.Text);
    }

    [Fact]
    public async Task A_chunked_body_one_byte_over_the_limit_is_a_failure()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => ScriptedServer.WriteAsync(context, new string('x', 16 * 1024 + 1)));
        using var sessions = TestRuns.Sessions(server.Origin, options: new SessionOptions { MaxBodyBytes = 16 * 1024 });
        using var session = sessions.Create(new Random(1));

        var response = await session.GetAsync("/", "GET /", CancellationToken.None);

        Assert.Equal(FailureKind.BodyTooLarge, response.Failure);
    }

    [Fact]
    public async Task A_body_shorter_than_its_content_length_is_a_transport_failure()
    {
        await using var server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentLength = 100;
            await ScriptedServer.WriteAsync(context, "only ten..");
            context.Abort();
        });
        using var sessions = TestRuns.Sessions(server.Origin);
        using var session = sessions.Create(new Random(1));

        var response = await session.GetAsync("/", "GET /", CancellationToken.None);

        Assert.Equal(FailureKind.Transport, response.Failure);
    }

    [Fact]
    public async Task A_refused_connection_is_a_transport_failure_not_capacity()
    {
        Uri origin;
        await using (var server = await ScriptedServer.StartAsync((_, _) => Task.CompletedTask))
        {
            origin = server.Origin;
        }
        using var sessions = TestRuns.Sessions(origin);
        using var session = sessions.Create(new Random(1));

        var response = await session.GetAsync("/", "GET /", CancellationToken.None);

        Assert.Equal(FailureKind.Transport, response.Failure);
        Assert.Equal(0, sessions.Metrics.Errors.TotalOf(ErrorKind.BenchCapacity));
    }

    [Fact]
    public void Targets_are_picked_with_the_callers_random_source()
    {
        var targets = Targets.Parse("http://127.0.0.1:8080/ignored, https://127.0.0.2:8443");

        var picks = Enumerable.Range(0, 50).Select(_ => targets.Pick(new Random(7))).Distinct().ToList();
        var spread = Enumerable.Range(0, 50).Select(i => targets.Pick(new Random(i))).Distinct().Count();

        Assert.Equal([new Uri("http://127.0.0.1:8080"), new Uri("https://127.0.0.2:8443")], targets.Origins);
        Assert.Single(picks);
        Assert.Equal(2, spread);
        Assert.Throws<ArgumentException>(() => Targets.Parse("ftp://x"));
        Assert.Throws<ArgumentException>(() => Targets.Parse(" , "));
    }
}
