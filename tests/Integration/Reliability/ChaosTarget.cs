using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IsuBench.Integration.Reliability;

/// <summary>
/// A misbehaving server on 127.0.0.1 for the bench to survive: random statuses, truncated, oversized and endless bodies,
/// resets, a request that is never answered, garbage and endless event streams, a redirect loop, invalid UTF-8.
/// </summary>
public sealed class ChaosTarget : IAsyncDisposable
{
    /// <summary>The plain HTTP routes.</summary>
    public static readonly string[] HttpPaths =
        [
            "/status", "/status/500", "/status/404", "/status/204", "/status/599", "/not-json", "/truncated", "/oversized",
            "/oversized/chunked", "/reset", "/hang", "/redirect/0", "/invalid-utf8", "/lone-surrogate", "/slow",
        ];

    /// <summary>The event-stream routes.</summary>
    public static readonly string[] StreamPaths =
        ["/sse/garbage", "/sse/endless-line", "/sse/wrong-type", "/sse/status", "/sse/silent", "/sse/reset"];

    private static readonly int[] Statuses = [200, 201, 204, 304, 400, 404, 418, 429, 500, 502, 503, 504, 599];

    private readonly WebApplication _app;
    private readonly Random _random;
    private long _endlessBytes;
    private int _endlessWriters;

    private ChaosTarget(WebApplication app, int seed)
    {
        _app = app;
        _random = new Random(seed);
    }

    /// <summary>Where it listens.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Bytes written so far by endless responses (bodies and event lines that never end).</summary>
    public long EndlessBytes => Interlocked.Read(ref _endlessBytes);

    /// <summary>Endless responses still being written (the target's own memory, not the bench's).</summary>
    public int EndlessWriters => Volatile.Read(ref _endlessWriters);

    /// <summary>Starts the target on a free loopback port.</summary>
    public static async Task<ChaosTarget> StartAsync(int seed)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var target = new ChaosTarget(builder.Build(), seed);
        target.Map();
        await target._app.StartAsync();
        target.BaseAddress = new Uri(target._app.Urls.First());
        return target;
    }

    private void Map()
    {
        // Any other path is one of ISUketch's, as the bench's real workloads ask them: the pages and room creation answer
        // plausibly, so that the workloads get as far as rooms and streams; everything else gets a random misbehaviour.
        _app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (!IsChaosRoute(path))
            {
                if (await TryPlausibleAsync(context)) return;
                context.Request.Path = path.StartsWith("/api/stream/", StringComparison.Ordinal) ? Next(StreamPaths) : Next(HttpPaths);
            }
            await next(context);
        });
        _app.UseRouting();
        _app.Map("/status", async context =>
        {
            context.Response.StatusCode = Next(Statuses);
            if (context.Response.StatusCode is 204 or 304) return;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Next(2) == 0 ? """{"room":{"id":1,"name":"abc"}}""" : "<html>not json", context.RequestAborted);
        });
        _app.Map("/status/{code:int}", (int code) => Results.Json(new { room = new { id = 1, name = "abc" } }, statusCode: code));
        _app.Map("/not-json", () => Results.Text("<html>not json</html>", "application/json"));
        _app.Map("/truncated", async context =>
        {
            context.Response.ContentLength = 10_000;
            await context.Response.WriteAsync(new string('t', 100), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
        });
        _app.Map("/oversized", async context =>
        {
            context.Response.ContentLength = 1L << 40;
            await WriteEndlesslyAsync(context, "o"u8.ToArray());
        });
        _app.Map("/oversized/chunked", context => WriteEndlesslyAsync(context, "c"u8.ToArray()));
        _app.Map("/reset", context =>
        {
            context.Abort();
            return Task.CompletedTask;
        });
        _app.Map("/hang", async context => await Task.Delay(Timeout.Infinite, context.RequestAborted));
        _app.Map("/redirect/{n:int}", (int n) => Results.Redirect($"/redirect/{n + 1}"));
        _app.Map("/invalid-utf8", async context =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            byte[] body = [.. "{\"room\":{\"name\":\""u8, 0xFF, 0xC0, 0xAF, 0xED, 0xA0, 0x80, .. "\"}}"u8];
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        });
        _app.Map("/lone-surrogate", context =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            return context.Response.WriteAsync("{\"room\":{\"name\":\"a\\ud800b\"}}", context.RequestAborted);
        });
        _app.Map("/slow", async context =>
        {
            context.Response.ContentType = "application/json";
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(" "u8.ToArray(), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(200, context.RequestAborted);
            }
        });

        _app.Map("/sse/garbage", async context =>
        {
            context.Response.ContentType = "text/event-stream";
            var lines = new[]
            {
                "retry: -5", "retry: 99999999999999999999", "retry: 1", "id: \0", "id: 5\0", "event:", "data", ":comment", "\u00ff\u00fe",
                "event: stroke\ndata: {not json", "data: " + new string('z', 2000), "\r\r\r", "field-without-colon", "event: watcher_count\ndata: -1",
            };
            for (var i = 0; i < 50 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                var bytes = Next(3) == 0 ? RandomBytes(64) : Encoding.UTF8.GetBytes(Next(lines) + Next(["\n", "\r\n", "\r", "\n\n"]));
                await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        });
        _app.Map("/sse/endless-line", async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("retry: 100\n\ndata: ", context.RequestAborted);
            await WriteEndlesslyAsync(context, "x"u8.ToArray());
        });
        _app.Map("/sse/wrong-type", context =>
        {
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync("<html>an html page</html>", context.RequestAborted);
        });
        _app.Map("/sse/status", context =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        _app.Map("/sse/silent", async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        _app.Map("/sse/reset", async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("retry: 0\n\nid: 1\nevent: stroke\ndata: {}\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
        });
    }

    private static bool IsChaosRoute(string path) =>
        path.StartsWith("/sse/", StringComparison.Ordinal) || path.StartsWith("/redirect/", StringComparison.Ordinal)
        || HttpPaths.Any(route => path.StartsWith(route, StringComparison.Ordinal) && route != "/");

    /// <summary>Just enough of ISUketch for a workload to go on: a page with a token, a created room.</summary>
    private static async Task<bool> TryPlausibleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (HttpMethods.IsGet(context.Request.Method) && (path == "/" || path.StartsWith("/rooms/", StringComparison.Ordinal)))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync("<!DOCTYPE html><html data-csrf-token=\"chaos\"><head></head><body></body></html>", context.RequestAborted);
            return true;
        }
        if (HttpMethods.IsPost(context.Request.Method) && path == "/api/rooms")
        {
            var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
            context.Response.ContentType = "application/json;charset=utf-8";
            await context.Response.WriteAsync(
                $$$"""{"room":{"id":1,"name":"chaos","canvas_width":1024,"canvas_height":768,"created_at":"{{{now}}}","strokes":[],"stroke_count":0,"watcher_count":0}}""",
                context.RequestAborted);
            return true;
        }
        return false;
    }

    /// <summary>
    /// Far past any limit of the bench, then the connection is cut: writes to a client that already left may complete
    /// without error, and an unbounded loop would only spin.
    /// </summary>
    private const long EndlessCap = 64L * 1024 * 1024;

    private async Task WriteEndlesslyAsync(HttpContext context, byte[] fill)
    {
        var block = new byte[16 * 1024];
        Array.Fill(block, fill[0]);
        Interlocked.Increment(ref _endlessWriters);
        try
        {
            for (long sent = 0; sent < EndlessCap && !context.RequestAborted.IsCancellationRequested; sent += block.Length)
            {
                await context.Response.Body.WriteAsync(block, context.RequestAborted);
                Interlocked.Add(ref _endlessBytes, block.Length);
            }
            context.Abort();
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client gave up, as it should.
        }
        finally
        {
            Interlocked.Decrement(ref _endlessWriters);
        }
    }

    private int Next(int maxExclusive)
    {
        lock (_random) return _random.Next(maxExclusive);
    }

    private T Next<T>(T[] items) => items[Next(items.Length)];

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        lock (_random) _random.NextBytes(bytes);
        return bytes;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
