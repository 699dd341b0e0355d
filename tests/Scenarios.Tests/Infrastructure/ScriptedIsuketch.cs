using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace IsuBench.Tests.Scenarios.Infrastructure;

/// <summary>
/// Just enough of an ISUketch server on a <see cref="ScriptedServer"/> for the load workloads: a room list, room pages
/// with a token per room, a top page with images, static files, and stroke posts it remembers.
/// </summary>
public sealed class ScriptedIsuketch : IAsyncDisposable
{
    private readonly Lock _imageGroupLock = new();
    private TaskCompletionSource _imageGroup = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _imagesInGroup;
    private int _openImages;
    private int _peakImages;

    private ScriptedIsuketch() { }

    /// <summary>Rooms <c>/api/rooms</c> lists, ids 1001 and up.</summary>
    public int ListedRooms { get; init; } = 100;

    /// <summary>Images on the top page.</summary>
    public int TopPageImages { get; init; } = 30;

    /// <summary>Status of <c>/img/{id}</c>.</summary>
    public int ImageStatus { get; init; } = 200;

    /// <summary>Image requests are held until this many have arrived, then answered together: a client's order made certain.</summary>
    public int ImagesAnsweredTogether { get; init; } = 1;

    /// <summary>The running server.</summary>
    public ScriptedServer Server { get; private set; } = null!;

    /// <summary>Every stroke post: room id from the path, the x-csrf-token header, and the number of points sent.</summary>
    public ConcurrentQueue<(long RoomId, string? Token, int Points)> Posts { get; } = new();

    /// <summary>Most image requests in flight at once.</summary>
    public int PeakConcurrentImages => Volatile.Read(ref _peakImages);

    /// <summary>Starts a server with the given settings.</summary>
    public static async Task<ScriptedIsuketch> StartAsync(int listedRooms = 100, int topPageImages = 30, int imageStatus = 200, int imagesAnsweredTogether = 1)
    {
        var fake = new ScriptedIsuketch
        {
            ListedRooms = listedRooms, TopPageImages = topPageImages, ImageStatus = imageStatus, ImagesAnsweredTogether = imagesAnsweredTogether,
        };
        fake.Server = await ScriptedServer.StartAsync((context, _) => fake.HandleAsync(context));
        return fake;
    }

    /// <summary>The page token of room <paramref name="roomId"/>.</summary>
    public static string TokenOf(long roomId) => "token-" + roomId.ToString(CultureInfo.InvariantCulture);

    private async Task HandleAsync(HttpContext context)
    {
        string path = context.Request.Path.Value ?? "/";
        if (path == "/api/rooms")
        {
            var rooms = Enumerable.Range(1001, ListedRooms).Select(id =>
                $$"""{"id":{{id}},"name":"r","canvas_width":1028,"canvas_height":768,"created_at":"2016-09-22T00:00:01.000001Z","strokes":[],"stroke_count":41,"watcher_count":0}""");
            await JsonAsync(context, $$"""{"rooms":[{{string.Join(",", rooms)}}]}""");
        }
        else if (path.StartsWith("/rooms/", StringComparison.Ordinal))
        {
            await HtmlAsync(context, $"""<!DOCTYPE html><html data-csrf-token="{TokenOf(long.Parse(path[7..], CultureInfo.InvariantCulture))}"><body></body></html>""");
        }
        else if (path == "/")
        {
            var images = Enumerable.Range(1, TopPageImages).Select(id => $"""<div class="room" id="{id}"><img src="/img/{id}"></div>""");
            await HtmlAsync(context, $"""<!DOCTYPE html><html data-csrf-token="top"><body>{string.Join("", images)}</body></html>""");
        }
        else if (path.StartsWith("/img/", StringComparison.Ordinal))
        {
            int open = Interlocked.Increment(ref _openImages);
            int peak;
            while (open > (peak = Volatile.Read(ref _peakImages)) && Interlocked.CompareExchange(ref _peakImages, open, peak) != peak) { }
            await Task.Delay(20, context.RequestAborted);
            await ImageGroupAsync().WaitAsync(context.RequestAborted);
            Interlocked.Decrement(ref _openImages);
            context.Response.StatusCode = ImageStatus;
            context.Response.ContentType = "image/svg+xml";
            await ScriptedServer.WriteAsync(context, "<svg/>");
        }
        else if (path.StartsWith("/api/strokes/rooms/", StringComparison.Ordinal) && context.Request.Method == "POST")
        {
            long roomId = long.Parse(path["/api/strokes/rooms/".Length..], CultureInfo.InvariantCulture);
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            int points = body.RootElement.GetProperty("points").GetArrayLength();
            Posts.Enqueue((roomId, context.Request.Headers["x-csrf-token"].FirstOrDefault(), points));
            var stored = Enumerable.Range(1, points).Select(i => $$"""{"id":{{i}},"stroke_id":5,"x":1,"y":2}""");
            string stroke = $$"""{"id":5,"room_id":{{roomId}},"width":10,"red":100,"green":100,"blue":100,"alpha":0.5,"created_at":"2026-01-01T00:00:00.123456Z","points":[{{string.Join(",", stored)}}]""" + "}";
            await JsonAsync(context, "{\"stroke\":" + stroke + "}");
        }
        else
        {
            await ScriptedServer.WriteAsync(context, "static");
        }
    }

    // Completes once ImagesAnsweredTogether image requests have arrived since the last group was answered.
    private Task ImageGroupAsync()
    {
        lock (_imageGroupLock)
        {
            var group = _imageGroup;
            if (++_imagesInGroup == ImagesAnsweredTogether)
            {
                _imagesInGroup = 0;
                _imageGroup = new(TaskCreationOptions.RunContinuationsAsynchronously);
                group.SetResult();
            }
            return group.Task;
        }
    }

    private static Task JsonAsync(HttpContext context, string json)
    {
        context.Response.ContentType = "application/json;charset=utf-8";
        return ScriptedServer.WriteAsync(context, json);
    }

    private static Task HtmlAsync(HttpContext context, string html)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return ScriptedServer.WriteAsync(context, html);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
