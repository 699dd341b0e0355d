namespace IsuBench.Reference.Profiles.Tuned;

/// <summary>The SQL of the tuned profile: set-based reads (one query per room, not per stroke) and batched writes.</summary>
internal static class TunedQueries
{
    public const string AllRooms = "SELECT id, name, canvas_width, canvas_height, created_at FROM rooms";
    public const string StrokeSummaries = "SELECT room_id, COUNT(*), MAX(id) FROM strokes GROUP BY room_id";
    public const string StrokeSummaryOfRoom = "SELECT COUNT(*), COALESCE(MAX(id), 0) FROM strokes WHERE room_id = @RoomId";
    public const string AllOwners = "SELECT room_id, token_id FROM room_owners";
    public const string RecentWatchers = "SELECT room_id, token_id, updated_at FROM room_watchers WHERE updated_at > @Since";

    public const string InsertToken = "INSERT INTO tokens (csrf_token, created_at) VALUES (@Token, @Now)";
    public const string FindToken = "SELECT id, created_at FROM tokens WHERE csrf_token = @Token";

    public const string InsertRoom = "INSERT INTO rooms (name, canvas_width, canvas_height, created_at) VALUES (@Name, @CanvasWidth, @CanvasHeight, @Now)";
    public const string InsertOwner = "INSERT INTO room_owners (room_id, token_id) VALUES (@RoomId, @TokenId)";

    public const string StrokesOfRoom = """
        SELECT id, width, red, green, blue, alpha, created_at FROM strokes WHERE room_id = @RoomId ORDER BY id
        """;
    // All points of a room in one query, grouped by stroke and in id order within each.
    public const string PointsOfRoom = """
        SELECT p.id, p.stroke_id, p.x, p.y FROM strokes s JOIN points p ON p.stroke_id = s.id
        WHERE s.room_id = @RoomId ORDER BY p.stroke_id, p.id
        """;
    public const string InsertStroke = """
        INSERT INTO strokes (room_id, width, red, green, blue, alpha, created_at)
        VALUES (@RoomId, @Width, @Red, @Green, @Blue, @Alpha, @Now)
        """;
    public const string PointIdsOfStroke = "SELECT id FROM points WHERE stroke_id = @StrokeId ORDER BY id";

    /// <summary>The head of a multi-row point insert; each row is <c>(?, ?, ?)</c>.</summary>
    public const string InsertPointsHead = "INSERT INTO points (stroke_id, x, y) VALUES ";

    /// <summary>The head of a multi-row heartbeat upsert; each row is <c>(?, ?, ?, ?)</c>.</summary>
    public const string UpsertWatchersHead = "INSERT INTO room_watchers (room_id, token_id, created_at, updated_at) VALUES ";
    public const string UpsertWatchersTail = " ON DUPLICATE KEY UPDATE updated_at = VALUES(updated_at)";
}
