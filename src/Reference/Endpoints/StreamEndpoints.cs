using System.Globalization;
using System.Text.Json;
using IsuBench.Reference.Hosting;
using IsuBench.Reference.Json;
using IsuBench.Reference.Profiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IsuBench.Reference.Endpoints;

/// <summary><c>GET /api/stream/rooms/{id}?csrf_token=T</c>: the room's strokes and watcher count as Server-Sent Events.</summary>
internal static class StreamEndpoints
{
    /// <summary>How long clients wait before reconnecting after the response ends.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Maps the stream endpoint.</summary>
    public static IEndpointRouteBuilder MapStreamEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stream/rooms/{id}", StreamAsync);
        return app;
    }

    // Errors are events, not statuses: EventSource clients cannot read an error response's body.
    private static async Task StreamAsync(string id, HttpContext context, IIsuketchStore store, IRoomFeed feed)
    {
        var cancellationToken = context.RequestAborted;
        var tokenId = await CsrfToken.ValidateAsync(store, context.Request.Query["csrf_token"].ToString(), cancellationToken);
        var roomId = RoomId.Parse(id);
        var roomExists = tokenId is not null && roomId is { } rid && await store.RoomExistsAsync(rid, cancellationToken);

        var writer = SseWriter.Start(context);
        if (tokenId is null)
        {
            await writer.WriteEventAsync("bad_request", "invalid or expired csrf token; reload the page");
            return;
        }
        if (!roomExists)
        {
            await writer.WriteEventAsync("bad_request", "no such room");
            return;
        }

        await writer.WriteRetryAsync(RetryInterval);
        ServerInstruments.StreamChange(+1);
        try
        {
            await foreach (var item in feed.WatchAsync(roomId!.Value, tokenId.Value, LastEventId(context.Request), cancellationToken))
            {
                switch (item)
                {
                    case WatcherCountEvent count:
                        await writer.WriteEventAsync("watcher_count", count.Count.ToString(CultureInfo.InvariantCulture));
                        break;
                    case StrokeEvent { Utf8Json: { } json } stroke:
                        await writer.WriteEventAsync("stroke", json, stroke.Stroke.Id);
                        break;
                    case StrokeEvent stroke:
                        await writer.WriteEventAsync("stroke", JsonSerializer.Serialize(stroke.Stroke, ApiJson.Options), stroke.Stroke.Id);
                        break;
                }
            }
        }
        finally
        {
            ServerInstruments.StreamChange(-1);
        }
    }

    private static long LastEventId(HttpRequest request) =>
        long.TryParse(request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
}
