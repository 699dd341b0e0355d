namespace IsuBench.Reference.Profiles.Baseline;

/// <summary>The SQL of the baseline profile: the original application's queries, parameterized.</summary>
internal static class BaselineQueries
{
    public const string InsertToken = "INSERT INTO tokens (csrf_token, created_at) VALUES (@Token, @Now)";
    public const string FindValidToken = "SELECT id FROM tokens WHERE csrf_token = @Token AND created_at > @Since";

    public const string SelectRoom = """
        SELECT id AS Id, name AS Name, canvas_width AS CanvasWidth, canvas_height AS CanvasHeight, created_at AS CreatedAt
        FROM rooms WHERE id = @RoomId
        """;
    public const string RoomExists = "SELECT COUNT(*) FROM rooms WHERE id = @RoomId";
    public const string InsertRoom = """
        INSERT INTO rooms (name, canvas_width, canvas_height, created_at) VALUES (@Name, @CanvasWidth, @CanvasHeight, @Now);
        SELECT LAST_INSERT_ID();
        """;
    public const string InsertOwner = "INSERT INTO room_owners (room_id, token_id) VALUES (@RoomId, @TokenId)";
    public const string IsOwner = "SELECT COUNT(*) FROM room_owners WHERE room_id = @RoomId AND token_id = @TokenId";

    public const string TopRoomIds = """
        SELECT room_id FROM strokes GROUP BY room_id ORDER BY MAX(id) DESC LIMIT 100
        """;
    public const string StrokeCount = "SELECT COUNT(*) FROM strokes WHERE room_id = @RoomId";

    private const string StrokeColumns = """
        id AS Id, room_id AS RoomId, width AS Width, red AS Red, green AS Green, blue AS Blue, alpha AS Alpha, created_at AS CreatedAt
        """;
    public const string StrokesAfter = $"SELECT {StrokeColumns} FROM strokes WHERE room_id = @RoomId AND id > @AfterId ORDER BY id";
    public const string SelectStroke = $"SELECT {StrokeColumns} FROM strokes WHERE id = @StrokeId";
    public const string InsertStroke = """
        INSERT INTO strokes (room_id, width, red, green, blue, alpha, created_at)
        VALUES (@RoomId, @Width, @Red, @Green, @Blue, @Alpha, @Now);
        SELECT LAST_INSERT_ID();
        """;

    public const string PointsOfStroke = "SELECT id AS Id, stroke_id AS StrokeId, x AS X, y AS Y FROM points WHERE stroke_id = @StrokeId ORDER BY id";
    public const string InsertPoint = "INSERT INTO points (stroke_id, x, y) VALUES (@StrokeId, @X, @Y)";

    public const string UpsertWatcher = """
        INSERT INTO room_watchers (room_id, token_id, created_at, updated_at) VALUES (@RoomId, @TokenId, @Now, @Now)
        ON DUPLICATE KEY UPDATE updated_at = @Now
        """;
    public const string WatcherCount = "SELECT COUNT(*) FROM room_watchers WHERE room_id = @RoomId AND updated_at > @Since";
}
