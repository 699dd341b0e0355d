using IsuBench.Checks.Documents.Api;
using IsuBench.Checks.Verdicts;

namespace IsuBench.Checks.Rules;

/// <summary>Rules about rooms in the API: creating, listing and fetching them.</summary>
public static class RoomRules
{
    /// <summary><c>POST /api/rooms</c> answers 200 with a room of a positive id (initial check).</summary>
    public static readonly Rule Create = new("rooms.create", "Creating a room failed", true);

    /// <summary><c>POST /api/rooms</c> under load.</summary>
    public static readonly Rule CreateUnderLoad = new("load.rooms.create", "Creating a room failed", false);

    /// <summary>The created room's <c>created_at</c> lies within ±500 ms of the request.</summary>
    public static readonly Rule CreatedAt = new("rooms.created-at", "The created room's created_at is wrong", true);

    /// <summary><c>GET /api/rooms</c> answers 200 with <c>{"rooms": [...]}</c> (initial check).</summary>
    public static readonly Rule List = new("rooms.list", "Fetching the room list API failed", true);

    /// <summary><c>GET /api/rooms</c> under load.</summary>
    public static readonly Rule ListUnderLoad = new("load.rooms.list", "Fetching the room list API failed", false);

    /// <summary><c>GET /api/rooms</c> holds exactly 100 rooms (initial check).</summary>
    public static readonly Rule ListCount = new("rooms.list-count", "The room list API does not return exactly 100 rooms", true) { NamesActual = true };

    /// <summary><c>GET /api/rooms</c> holds exactly 100 rooms under load.</summary>
    public static readonly Rule ListCountUnderLoad = new("load.rooms.list-count", "The room list API does not return exactly 100 rooms", false) { NamesActual = true };

    /// <summary><c>GET /api/rooms/{id}</c> answers 200 with <c>{"room": {...}}</c> (initial check).</summary>
    public static readonly Rule Get = new("rooms.get", "Fetching the room API failed", true);

    /// <summary>A room taken from the list (so it has strokes) returns its strokes.</summary>
    public static readonly Rule HasStrokes = new("rooms.has-strokes", "A room from the room list has no strokes in the room API", true);

    /// <summary>Reads a <c>POST /api/rooms</c> response; fails unless 200 with a valid room of positive id.</summary>
    public static Parsed<ApiRoom> ReadCreated(int status, string body, string request, CheckPhase phase = CheckPhase.Initial) =>
        ReadRoom(phase == CheckPhase.Initial ? Create : CreateUnderLoad, status, body, request);

    /// <summary>Reads a <c>GET /api/rooms/{id}</c> response; fails unless 200 with a valid room of positive id.</summary>
    public static Parsed<ApiRoom> ReadFetched(int status, string body, string request) => ReadRoom(Get, status, body, request);

    /// <summary>The room's <c>created_at</c> within ±500 ms of [sent, received] of its POST.</summary>
    public static Verdict CreatedAtInWindow(ApiRoom room, DateTimeOffset sent, DateTimeOffset received, string request) =>
        TimeWindow.Check(CreatedAt, room.CreatedAt, sent, received, request);

    /// <summary>Reads a <c>GET /api/rooms</c> response (shape only; see <see cref="HasExactly100"/> for the count).</summary>
    public static Parsed<IReadOnlyList<ApiRoom>> ReadList(int status, string body, string request, CheckPhase phase = CheckPhase.Initial)
    {
        var rule = phase == CheckPhase.Initial ? List : ListUnderLoad;
        if (status != 200) return Parsed<IReadOnlyList<ApiRoom>>.Failure(rule.Fail(request, "status 200", $"status {status}: {body}"));
        var read = ApiDocuments.ReadRoomsResponse(body);
        return read.Ok
            ? Parsed<IReadOnlyList<ApiRoom>>.Success(read.Value!, rule.Pass(request)) with { Absent = read.Absent }
            : Parsed<IReadOnlyList<ApiRoom>>.Failure(rule.Fail(request, "{\"rooms\": [room, ...]}", $"{read.Problem}: {body}"));
    }

    /// <summary>The room list holds exactly 100 rooms.</summary>
    public static Verdict HasExactly100(IReadOnlyList<ApiRoom> rooms, string request, CheckPhase phase = CheckPhase.Initial) =>
        (phase == CheckPhase.Initial ? ListCount : ListCountUnderLoad)
            .Check(rooms.Count == 100, request, "100 rooms", $"{rooms.Count} rooms");

    /// <summary>A room fetched with <c>GET /api/rooms/{id}</c> after being listed has at least one stroke.</summary>
    public static Verdict HasAnyStroke(ApiRoom room, string request) =>
        HasStrokes.Check(room.Strokes.Count > 0, request, $"room {room.Id} with strokes", "no strokes");

    private static Parsed<ApiRoom> ReadRoom(Rule rule, int status, string body, string request)
    {
        if (status != 200) return Parsed<ApiRoom>.Failure(rule.Fail(request, "status 200", $"status {status}: {body}"));
        var read = ApiDocuments.ReadRoomResponse(body);
        if (!read.Ok) return Parsed<ApiRoom>.Failure(rule.Fail(request, "{\"room\": {...}}", $"{read.Problem}: {body}"));
        return read.Value!.Id > 0
            ? Parsed<ApiRoom>.Success(read.Value, rule.Pass(request)) with { Absent = read.Absent }
            : Parsed<ApiRoom>.Failure(rule.Fail(request, "a room with a positive id", $"id {read.Value.Id}"));
    }
}
