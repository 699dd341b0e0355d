using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using IsuBench.Scenarios.Workloads;
using IsuBench.Scenarios.Engine;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>The POSTs of the ISUketch API as the checks send them (JSON body, token in <c>x-csrf-token</c>).</summary>
internal static class IsuketchRequests
{
    /// <summary>The endpoint name of room creation.</summary>
    public const string CreateRoomEndpoint = "POST /api/rooms";

    /// <summary>The endpoint name of posting a stroke.</summary>
    public const string PostStrokeEndpoint = "POST /api/strokes/rooms/{id}";

    /// <summary><c>POST /api/rooms</c> with the room every check of the original created: a numbered chair-drawing room on a 1024x768 canvas.</summary>
    public static Task<SessionResponse> CreateRoomAsync(Session session, string token, Random random, CancellationToken cancellationToken)
    {
        var name = $"ひたすら椅子を描く部屋【{random.Next(1000, 2000).ToString(CultureInfo.InvariantCulture)}】";
        var body = JsonSerializer.Serialize(new Dictionary<string, object> { ["name"] = name, ["canvas_width"] = 1024, ["canvas_height"] = 768 });
        return PostAsync(session, "/api/rooms", CreateRoomEndpoint, token, body, cancellationToken);
    }

    /// <summary><c>POST /api/strokes/rooms/{roomId}</c> with <paramref name="stroke"/>.</summary>
    public static Task<SessionResponse> PostStrokeAsync(Session session, string token, long roomId, StrokeShape stroke, CancellationToken cancellationToken) =>
        PostAsync(session, StrokePath(roomId), PostStrokeEndpoint, token, StrokeJson.Serialize(roomId, stroke), cancellationToken);

    /// <summary>The path strokes of <paramref name="roomId"/> are posted to.</summary>
    public static string StrokePath(long roomId) => "/api/strokes/rooms/" + roomId.ToString(CultureInfo.InvariantCulture);

    private static Task<SessionResponse> PostAsync(Session session, string path, string endpoint, string token, string json, CancellationToken cancellationToken)
    {
        var content = new StringContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return session.SendAsync(HttpMethod.Post, path, endpoint, content, [new("x-csrf-token", token)], cancellationToken);
    }
}
