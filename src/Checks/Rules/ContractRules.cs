using IsuBench.Checks.Verdicts;

namespace IsuBench.Checks.Rules;

/// <summary>
/// What the contract names but the original benchmark never read: the fields of each JSON document. The original decoded into Go
/// structs, so an absent field was a zero and passed; this is an IsuBench addition (a warning, critical with <c>--strict</c>).
/// </summary>
public static class ContractRules
{
    /// <summary>Every field the contract names for the endpoint is present.</summary>
    public static readonly Rule Fields = new("contract.fields", "A JSON response lacks a field the contract names", true) { Addition = true };

    /// <summary>The room fields that only some endpoints carry (docs/contract.md, the room object).</summary>
    private const string StrokeCount = "stroke_count", WatcherCount = "watcher_count";

    /// <summary>
    /// Passes when none of <paramref name="absent"/> (field paths a reader found missing) is a field the contract names for
    /// <paramref name="document"/>: every field of rooms, strokes and points, with <c>stroke_count</c> only in the room list
    /// and <c>watcher_count</c> only in a single room.
    /// </summary>
    public static Verdict HasFields(IReadOnlyList<string> absent, ApiDocumentKind document, string request)
    {
        var missing = absent.Where(path => Requires(document, path[(path.LastIndexOf('.') + 1)..])).ToList();
        return Fields.Check(missing.Count == 0, request, "every field the contract names",
            missing.Count == 0 ? "" : $"missing {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? $" and {missing.Count - 5} more" : "")}");
    }

    private static bool Requires(ApiDocumentKind document, string field) => field switch
    {
        StrokeCount => document == ApiDocumentKind.RoomList,
        WatcherCount => document == ApiDocumentKind.Room,
        _ => true,
    };
}

/// <summary>Which JSON document of the API a response is, for the fields the contract names in it.</summary>
public enum ApiDocumentKind
{
    /// <summary><c>POST /api/rooms</c>: a room without counts.</summary>
    CreatedRoom,

    /// <summary><c>GET /api/rooms</c>: rooms with <c>stroke_count</c>.</summary>
    RoomList,

    /// <summary><c>GET /api/rooms/{id}</c>: a room with its strokes and <c>watcher_count</c>.</summary>
    Room,

    /// <summary><c>POST /api/strokes/rooms/{id}</c> and the stream's stroke events: a stroke with its points.</summary>
    Stroke,
}
