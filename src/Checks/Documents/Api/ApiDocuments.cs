using System.Text.Json;

namespace IsuBench.Checks.Documents.Api;

/// <summary>
/// Reads the server's JSON responses into API models as the original benchmark read them: types are checked, absent fields
/// read as zero values (and are listed in <see cref="ApiRead{T}.Absent"/>), extra fields are ignored.
/// </summary>
internal static class ApiDocuments
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    /// <summary>Reads <c>{"room": {...}}</c> from <c>POST /api/rooms</c> and <c>GET /api/rooms/{id}</c>; the room itself must be there.</summary>
    public static ApiRead<ApiRoom> ReadRoomResponse(string body) =>
        Read(body, (fields, root) => ReadRoom(fields, JsonFields.Required(root, "room", "$"), "$.room"));

    /// <summary>Reads <c>{"rooms": [...]}</c> from <c>GET /api/rooms</c>.</summary>
    public static ApiRead<IReadOnlyList<ApiRoom>> ReadRoomsResponse(string body) =>
        Read(body, (fields, root) => fields.Array(root, "rooms", "$", (room, path) => ReadRoom(fields, room, path)));

    /// <summary>Reads <c>{"stroke": {...}}</c> from <c>POST /api/strokes/rooms/{id}</c>; the stroke itself must be there.</summary>
    public static ApiRead<ApiStroke> ReadStrokeResponse(string body) =>
        Read(body, (fields, root) => ReadStroke(fields, JsonFields.Required(root, "stroke", "$"), "$.stroke"));

    /// <summary>Reads a bare stroke object, as the data of an SSE <c>stroke</c> event.</summary>
    public static ApiRead<ApiStroke> ReadStroke(string body) => Read(body, (fields, root) => ReadStroke(fields, root, "$"));

    /// <summary>Reads one room object found at <paramref name="path"/> (used for embedded documents such as the page's props).</summary>
    internal static ApiRoom ReadRoom(JsonFields fields, JsonElement element, string path) => new(
        fields.Long(element, "id", path),
        fields.String(element, "name", path),
        fields.Int(element, "canvas_width", path),
        fields.Int(element, "canvas_height", path),
        fields.Timestamp(element, "created_at", path),
        fields.Array(element, "strokes", path, (stroke, strokePath) => ReadStroke(fields, stroke, strokePath)),
        fields.Int(element, "stroke_count", path),
        fields.Int(element, "watcher_count", path));

    private static ApiStroke ReadStroke(JsonFields fields, JsonElement element, string path) => new(
        fields.Long(element, "id", path),
        fields.Long(element, "room_id", path),
        fields.Int(element, "width", path),
        fields.Int(element, "red", path),
        fields.Int(element, "green", path),
        fields.Int(element, "blue", path),
        fields.Double(element, "alpha", path),
        fields.Timestamp(element, "created_at", path),
        fields.Array(element, "points", path, (point, pointPath) => ReadPoint(fields, point, pointPath)));

    private static ApiPoint ReadPoint(JsonFields fields, JsonElement element, string path) => new(
        fields.Long(element, "id", path),
        fields.Long(element, "stroke_id", path),
        fields.Double(element, "x", path),
        fields.Double(element, "y", path));

    /// <summary>Parses <paramref name="body"/> and applies <paramref name="read"/>, turning any JSON or shape error into a problem.</summary>
    internal static ApiRead<T> Read<T>(string body, Func<JsonFields, JsonElement, T> read) where T : class
    {
        try
        {
            using var document = JsonDocument.Parse(body, Options);
            var fields = new JsonFields();
            var value = read(fields, document.RootElement);
            return new ApiRead<T>(value, null) { Absent = fields.Absent };
        }
        catch (JsonException e)
        {
            return new ApiRead<T>(null, "not valid JSON: " + e.Message);
        }
        catch (ShapeException e)
        {
            return new ApiRead<T>(null, e.Message);
        }
    }
}
