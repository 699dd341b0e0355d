using System.Globalization;
using IsuBench.Engine.Http;

namespace IsuBench.Scenarios.Api;

/// <summary>
/// ISUketch as the bench calls it, for the initial check and the workloads alike: each request's path, label (<see cref="Endpoints"/>)
/// and body (<see cref="RequestBodies"/>) are written here once. Responses come back unjudged: the caller applies the rules.
/// </summary>
internal static class IsuketchApi
{
    /// <summary><c>GET /</c>.</summary>
    public static Task<SessionResponse> TopPageAsync(Session session, CancellationToken cancellationToken) =>
        session.GetAsync("/", Endpoints.TopPage, cancellationToken);

    /// <summary><c>GET /rooms/{id}</c>.</summary>
    public static Task<SessionResponse> RoomPageAsync(Session session, long roomId, CancellationToken cancellationToken) =>
        session.GetAsync(RoomPagePath(roomId), Endpoints.RoomPage, cancellationToken);

    /// <summary><c>GET /api/rooms</c>.</summary>
    public static Task<SessionResponse> RoomListAsync(Session session, CancellationToken cancellationToken) =>
        session.GetAsync("/api/rooms", Endpoints.RoomList, cancellationToken);

    /// <summary><c>GET /api/rooms/{id}</c>.</summary>
    public static Task<SessionResponse> RoomAsync(Session session, long roomId, CancellationToken cancellationToken) =>
        session.GetAsync("/api/rooms/" + Id(roomId), Endpoints.Room, cancellationToken);

    /// <summary><c>GET /img/{id}</c>, read whole (the initial check compares its polylines).</summary>
    public static Task<SessionResponse> ImageAsync(Session session, long roomId, CancellationToken cancellationToken) =>
        session.GetAsync(ImagePath(roomId), Endpoints.Image, cancellationToken);

    /// <summary>An image of the top page for its status only, as the original loaded them (<see cref="Session.GetDiscardingBodyAsync"/>).</summary>
    public static Task<SessionResponse> ImageStatusAsync(Session session, string path, CancellationToken cancellationToken) =>
        session.GetDiscardingBodyAsync(path, path.StartsWith("/img/", StringComparison.Ordinal) ? Endpoints.Image : "GET (other image)", cancellationToken);

    /// <summary>A static file, e.g. <c>/bundle.js</c>.</summary>
    public static Task<SessionResponse> StaticFileAsync(Session session, string path, CancellationToken cancellationToken) =>
        session.GetAsync(path, Endpoints.StaticFile(path), cancellationToken);

    /// <summary><c>POST /api/rooms</c> as the token's owner.</summary>
    public static Task<SessionResponse> CreateRoomAsync(Session session, string token, NewRoom room, CancellationToken cancellationToken) =>
        session.PostJsonAsync("/api/rooms", Endpoints.CreateRoom, RequestBodies.Room(room), TokenHeader(token), cancellationToken);

    /// <summary><c>POST /api/strokes/rooms/{id}</c>.</summary>
    public static Task<SessionResponse> PostStrokeAsync(Session session, string token, long roomId, StrokeShape stroke, CancellationToken cancellationToken) =>
        session.PostJsonAsync(StrokePath(roomId), Endpoints.PostStroke, RequestBodies.Stroke(roomId, stroke), TokenHeader(token), cancellationToken);

    /// <summary>The path and query of a room's event stream for <paramref name="token"/>.</summary>
    public static string StreamPath(long roomId, string token) => $"/api/stream/rooms/{Id(roomId)}?csrf_token={Uri.EscapeDataString(token)}";

    /// <summary><c>/rooms/{id}</c>.</summary>
    public static string RoomPagePath(long roomId) => "/rooms/" + Id(roomId);

    /// <summary><c>/api/strokes/rooms/{id}</c>.</summary>
    public static string StrokePath(long roomId) => "/api/strokes/rooms/" + Id(roomId);

    /// <summary><c>/img/{id}</c>, as the top page links a room's image.</summary>
    public static string ImagePath(long roomId) => "/img/" + Id(roomId);

    private static string Id(long roomId) => roomId.ToString(CultureInfo.InvariantCulture);

    private static KeyValuePair<string, string>[] TokenHeader(string token) => [new("x-csrf-token", token)];
}
