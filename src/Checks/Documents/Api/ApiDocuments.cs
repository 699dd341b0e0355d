using System.Text.Json;

namespace IsuBench.Checks.Documents.Api;

/// <summary>Reads the server's JSON responses into API models, checking types and required fields and ignoring extra ones.</summary>
public static class ApiDocuments
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    /// <summary>Reads <c>{"token": "..."}</c> from <c>POST /api/csrf_token</c>; the token must be non-empty.</summary>
    public static ApiRead<string> ReadToken(string body) => Read(body, root =>
    {
        var token = JsonShape.String(root, "token", "$");
        if (token.Length == 0) throw new ShapeException("$.token is empty");
        return token;
    });

    /// <summary>Reads <c>{"room": {...}}</c> from <c>POST /api/rooms</c> and <c>GET /api/rooms/{id}</c>.</summary>
    public static ApiRead<ApiRoom> ReadRoomResponse(string body) => Read(body, root => ReadRoom(JsonShape.Property(root, "room", "$"), "$.room"));

    /// <summary>Reads <c>{"rooms": [...]}</c> from <c>GET /api/rooms</c>.</summary>
    public static ApiRead<IReadOnlyList<ApiRoom>> ReadRoomsResponse(string body) => Read(body, root => JsonShape.Array(root, "rooms", "$", ReadRoom));

    /// <summary>Reads <c>{"stroke": {...}}</c> from <c>POST /api/strokes/rooms/{id}</c>.</summary>
    public static ApiRead<ApiStroke> ReadStrokeResponse(string body) => Read(body, root => ReadStroke(JsonShape.Property(root, "stroke", "$"), "$.stroke"));

    /// <summary>Reads a bare stroke object, as the data of an SSE <c>stroke</c> event.</summary>
    public static ApiRead<ApiStroke> ReadStroke(string body) => Read(body, root => ReadStroke(root, "$"));

    /// <summary>Reads <c>{"error": "..."}</c> from an error response.</summary>
    public static ApiRead<string> ReadError(string body) => Read(body, root => JsonShape.String(root, "error", "$"));

    /// <summary>Reads one room object found at <paramref name="path"/> (used for embedded documents such as the page's props).</summary>
    public static ApiRoom ReadRoom(JsonElement element, string path) => new(
        JsonShape.Long(element, "id", path),
        JsonShape.String(element, "name", path),
        JsonShape.Int(element, "canvas_width", path),
        JsonShape.Int(element, "canvas_height", path),
        JsonShape.Timestamp(element, "created_at", path),
        JsonShape.Array(element, "strokes", path, ReadStroke),
        JsonShape.Int(element, "stroke_count", path),
        JsonShape.Int(element, "watcher_count", path));

    private static ApiStroke ReadStroke(JsonElement element, string path) => new(
        JsonShape.Long(element, "id", path),
        JsonShape.Long(element, "room_id", path),
        JsonShape.Int(element, "width", path),
        JsonShape.Int(element, "red", path),
        JsonShape.Int(element, "green", path),
        JsonShape.Int(element, "blue", path),
        JsonShape.Double(element, "alpha", path),
        JsonShape.Timestamp(element, "created_at", path),
        JsonShape.Array(element, "points", path, ReadPoint));

    private static ApiPoint ReadPoint(JsonElement element, string path) => new(
        JsonShape.Long(element, "id", path),
        JsonShape.Long(element, "stroke_id", path),
        JsonShape.Double(element, "x", path),
        JsonShape.Double(element, "y", path));

    /// <summary>Parses <paramref name="body"/> and applies <paramref name="read"/>, turning any JSON or shape error into a problem.</summary>
    internal static ApiRead<T> Read<T>(string body, Func<JsonElement, T> read) where T : class
    {
        try
        {
            using var document = JsonDocument.Parse(body, Options);
            return new ApiRead<T>(read(document.RootElement), null);
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
