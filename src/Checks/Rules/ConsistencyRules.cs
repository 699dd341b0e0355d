using System.Globalization;
using IsuBench.Checks.Documents;
using IsuBench.Checks.Documents.Api;
using IsuBench.Checks.Verdicts;

namespace IsuBench.Checks.Rules;

/// <summary>Rules comparing the API with the HTML pages: the top page against <c>GET /api/rooms</c>, a room page against <c>GET /api/rooms/{id}</c>.</summary>
public static class ConsistencyRules
{
    /// <summary>The number of rooms the top page must show.</summary>
    public const int PageRooms = 100;

    /// <summary>How many API rooms may be missing from the top page (it was rendered at another moment).</summary>
    public const int AllowedMissingRooms = 90;

    /// <summary>Every <c>.room</c> has a numeric id.</summary>
    public static readonly Rule PageRoomId = new("consistency.room-id", "A room on the top page has no numeric id", true);

    /// <summary>Every <c>.room</c> has a numeric <c>.stroke_count</c>.</summary>
    public static readonly Rule PageStrokeCount = new("consistency.stroke-count", "A room on the top page has no numeric stroke_count", true);

    /// <summary>The top page shows exactly 100 rooms.</summary>
    public static readonly Rule PageRoomCount = new("consistency.room-count", "The top page does not show exactly 100 rooms", true);

    /// <summary>For rooms on both, the page's count is not lower than the API's (the page may be newer, never older).</summary>
    public static readonly Rule CountNotLower = new("consistency.count-not-lower", "The API and the HTML differ too much (a room's stroke count on the top page is lower than in the API)", true);

    /// <summary>At most 90 of the API's rooms are missing from the page.</summary>
    public static readonly Rule MissingRooms = new("consistency.missing-rooms", "The API and the HTML differ too much (more than 90 rooms of the API are missing from the top page)", true);

    /// <summary>The room page holds at least as many <c>polyline[id]</c> as the room API has strokes.</summary>
    public static readonly Rule RoomPagePolylines = new("consistency.room-page-polylines", "The API and the HTML differ too much (the room page has fewer strokes than the room API)", true);

    /// <summary>Compares the top page with the API's room list; one verdict per rule evaluated (the comparison is skipped when the page itself is malformed).</summary>
    public static IReadOnlyList<Verdict> TopPageMatchesApi(IReadOnlyList<ApiRoom> apiRooms, HtmlDocument page, string request)
    {
        var rooms = page.Rooms;
        var idVerdict = TopPageRules.FirstOffender(PageRoomId, rooms, r => ParseId(r.Id) is not null, request,
            "every .room with a numeric id", r => r.Id is null ? "a .room without id" : $"id \"{r.Id}\"");
        var countVerdict = TopPageRules.FirstOffender(PageStrokeCount, rooms, r => ParseCount(r.StrokeCountText) is not null, request,
            "every .room with a numeric .stroke_count", r => r.StrokeCountText is null ? $"room {r.Id}: no .stroke_count" : $"room {r.Id}: \"{r.StrokeCountText}\"");
        if (!idVerdict.Passed || !countVerdict.Passed) return [idVerdict, countVerdict];

        var pageCounts = new Dictionary<long, int>();
        foreach (var room in rooms) pageCounts[ParseId(room.Id)!.Value] = ParseCount(room.StrokeCountText)!.Value;
        var roomCount = PageRoomCount.Check(pageCounts.Count == PageRooms, request, $"{PageRooms} rooms", $"{pageCounts.Count} rooms");
        if (!roomCount.Passed) return [idVerdict, countVerdict, roomCount];

        var lower = apiRooms.Where(r => pageCounts.TryGetValue(r.Id, out var c) && c < r.StrokeCount).ToList();
        var notLower = lower.Count == 0
            ? CountNotLower.Pass(request)
            : CountNotLower.Fail(request, $"room {lower[0].Id}: at least {lower[0].StrokeCount} strokes on the page", $"{pageCounts[lower[0].Id]} ({lower.Count} rooms lower)");
        var missing = apiRooms.Count(r => !pageCounts.ContainsKey(r.Id));
        var missingVerdict = MissingRooms.Check(missing <= AllowedMissingRooms, request,
            $"at most {AllowedMissingRooms} of {apiRooms.Count} API rooms missing from the page", $"{missing} missing");
        return [idVerdict, countVerdict, roomCount, notLower, missingVerdict];
    }

    /// <summary>The room page shows at least as many <c>polyline[id]</c> as <paramref name="apiRoom"/> has strokes.</summary>
    public static Verdict RoomPageMatchesApi(ApiRoom apiRoom, HtmlDocument roomPage, string request)
    {
        var polylines = roomPage.PolylineWithIdCount;
        return RoomPagePolylines.Check(polylines >= apiRoom.Strokes.Count, request,
            $"at least {apiRoom.Strokes.Count} polyline[id]", $"{polylines} polyline[id]");
    }

    private static long? ParseId(string? text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static int? ParseCount(string? text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count) ? count : null;
}
