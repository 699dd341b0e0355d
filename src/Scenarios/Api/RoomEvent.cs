using IsuBench.Checks.Documents.Api;
using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Engine.Sse;

namespace IsuBench.Scenarios.Api;

/// <summary>What one event of a room's stream said, read with the stream rules: a stroke, a watcher count, a <c>bad_request</c>, or other.</summary>
internal sealed record RoomEvent(RoomEventKind Kind, SseEvent Item)
{
    /// <summary>The stroke read from a <c>stroke</c> event.</summary>
    public Parsed<ApiStroke>? Stroke { get; private init; }

    /// <summary>The count read from a <c>watcher_count</c> event.</summary>
    public Parsed<int?>? WatcherCount { get; private init; }

    /// <summary>The failed verdict of a <c>bad_request</c> event (a watcher told its request is bad leaves).</summary>
    public Verdict? BadRequest { get; private init; }

    /// <summary>
    /// Reads <paramref name="item"/> with the rule its type calls for; <paramref name="request"/> names the stream in evidence.
    /// Stroke events are read through <paramref name="strokes"/> when given (the readings shared by a room's watchers).
    /// </summary>
    public static RoomEvent Read(SseEvent item, string request, StrokeEventReadings? strokes = null) => item.Type switch
    {
        "stroke" => new(RoomEventKind.Stroke, item)
        {
            Stroke = strokes is not null && strokes.Request == request ? strokes.Read(item.Data) : StreamRules.ReadStrokeEvent(item.Data, request),
        },
        "watcher_count" => new(RoomEventKind.WatcherCount, item) { WatcherCount = StreamRules.ReadWatcherCountEvent(item.Data, request) },
        "bad_request" => new(RoomEventKind.BadRequest, item) { BadRequest = StreamRules.NotBadRequest(item.Type, item.Data, request) },
        _ => new(RoomEventKind.Other, item),
    };
}

/// <summary>The kinds of events a room's stream sends (docs/contract.md §1.4).</summary>
internal enum RoomEventKind
{
    /// <summary><c>stroke</c>: a stroke of the room.</summary>
    Stroke,

    /// <summary><c>watcher_count</c>: how many watch the room.</summary>
    WatcherCount,

    /// <summary><c>bad_request</c>: the token or the room is wrong.</summary>
    BadRequest,

    /// <summary>Any other event type (ignored, as the original did).</summary>
    Other,
}
