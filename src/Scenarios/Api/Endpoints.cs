namespace IsuBench.Scenarios.Api;

/// <summary>The labels statistics and messages give ISUketch's endpoints: templates, so that every room counts on one line.</summary>
public static class Endpoints
{
    /// <summary>The labels of the pages and the API.</summary>
    public const string TopPage = "GET /", RoomPage = "GET /rooms/{id}", Image = "GET /img/{id}", RoomList = "GET /api/rooms",
        Room = "GET /api/rooms/{id}", CreateRoom = "POST /api/rooms", PostStroke = "POST /api/strokes/rooms/{id}", Stream = "GET /api/stream/rooms/{id}";

    /// <summary>The label of a static file, e.g. <c>GET /bundle.js</c>.</summary>
    public static string StaticFile(string path) => "GET " + path;
}
