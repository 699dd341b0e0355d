using System.Globalization;
using System.Net.Http.Headers;
using IsuBench.Checks.Documents;
using IsuBench.Checks.Documents.Api;
using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Scenarios.Engine;

namespace IsuBench.Scenarios.Workloads;

/// <summary>
/// The requests the load workloads make, each checked with the load-phase rules and given its verdict
/// (success scores; a failed check is an ordinary error). A null result means the request failed and was recorded.
/// </summary>
public static class LoadRequests
{
    /// <summary>Endpoint names used in statistics and messages (templates, so that messages de-duplicate).</summary>
    public const string TopPage = "GET /", RoomPage = "GET /rooms/{id}", Image = "GET /img/{id}", RoomList = "GET /api/rooms",
        CreateRoom = "POST /api/rooms", PostStroke = "POST /api/strokes/rooms/{id}", Stream = "GET /api/stream/rooms/{id}";

    /// <summary>GETs a page, requires 200 and reads <c>data-csrf-token</c> of <c>&lt;html&gt;</c>.</summary>
    public static async Task<string?> FetchPageTokenAsync(Session session, string path, string endpoint, CancellationToken cancellationToken) =>
        (await FetchPageTokenWithResponseAsync(session, path, endpoint, cancellationToken)).Token;

    /// <summary>As <see cref="FetchPageTokenAsync"/>, with the response (e.g. to tell the bench's own capacity from a server failure).</summary>
    public static async Task<(string? Token, SessionResponse Response)> FetchPageTokenWithResponseAsync(
        Session session, string path, string endpoint, CancellationToken cancellationToken)
    {
        var response = await session.GetAsync(path, endpoint, cancellationToken);
        if (!Settled(session, response, HttpRules.StatusIs(200, response.Status, endpoint)))
        {
            return (null, response);
        }
        var token = TokenRules.ReadPageToken(HtmlDocument.Parse(response.Text), endpoint);
        if (!Verdict(session, response, token.Verdict))
        {
            return (null, response);
        }
        session.Succeed(response);
        return (token.Value, response);
    }

    /// <summary>GETs the top page, requires 200 and returns its document.</summary>
    public static async Task<HtmlDocument?> FetchTopPageAsync(Session session, CancellationToken cancellationToken)
    {
        var response = await session.GetAsync("/", TopPage, cancellationToken);
        if (!Settled(session, response, HttpRules.StatusIs(200, response.Status, TopPage)))
        {
            return null;
        }
        session.Succeed(response);
        return HtmlDocument.Parse(response.Text);
    }

    /// <summary>GETs a path that must answer 200 (static files; contents not checked).</summary>
    public static Task<bool> FetchOkAsync(Session session, string path, string endpoint, CancellationToken cancellationToken) =>
        StatusOkAsync(session, session.GetAsync(path, endpoint, cancellationToken));

    /// <summary>GETs an image that must answer 200, its body unread and its connection closed, as the original did (<see cref="Session.GetDiscardingBodyAsync"/>).</summary>
    public static Task<bool> FetchImageAsync(Session session, string path, string endpoint, CancellationToken cancellationToken) =>
        StatusOkAsync(session, session.GetDiscardingBodyAsync(path, endpoint, cancellationToken));

    private static async Task<bool> StatusOkAsync(Session session, Task<SessionResponse> sending)
    {
        var response = await sending;
        string endpoint = response.Endpoint;
        if (!Settled(session, response, HttpRules.StatusIs(200, response.Status, endpoint)))
        {
            return false;
        }
        session.Succeed(response);
        return true;
    }

    /// <summary>Creates a room as the token's owner.</summary>
    public static async Task<ApiRoom?> CreateRoomAsync(Session session, string token, string name, int width, int height, CancellationToken cancellationToken)
    {
        string json = string.Create(CultureInfo.InvariantCulture,
            $"{{\"name\":{System.Text.Json.JsonSerializer.Serialize(name)},\"canvas_width\":{width},\"canvas_height\":{height}}}");
        var response = await session.SendAsync(HttpMethod.Post, "/api/rooms", CreateRoom, Json(json), TokenHeader(token), cancellationToken);
        if (!Settled(session, response, null))
        {
            return null;
        }
        var room = RoomRules.ReadCreated(response.Status, response.Text, CreateRoom, CheckPhase.Load);
        if (!Verdict(session, response, room.Verdict))
        {
            return null;
        }
        session.Succeed(response);
        return room.Value;
    }

    /// <summary>Posts a stroke into a room; returns the stored stroke and the response (whose <see cref="SessionResponse.SentAt"/> the 2 s rule uses).</summary>
    public static async Task<(ApiStroke? Stroke, SessionResponse Response)> PostStrokeAsync(
        Session session, string token, long roomId, StrokeShape stroke, CancellationToken cancellationToken)
    {
        string path = "/api/strokes/rooms/" + roomId.ToString(CultureInfo.InvariantCulture);
        var response = await session.SendAsync(HttpMethod.Post, path, PostStroke, Json(StrokeJson.Serialize(roomId, stroke)), TokenHeader(token), cancellationToken);
        if (!Settled(session, response, null))
        {
            return (null, response);
        }
        var posted = StrokeRules.ReadPosted(response.Status, response.Text, PostStroke, CheckPhase.Load);
        if (!Verdict(session, response, posted.Verdict))
        {
            return (null, response);
        }
        session.Succeed(response);
        return (posted.Value, response);
    }

    /// <summary>GETs <c>/api/rooms</c>, which must hold exactly 100 rooms.</summary>
    public static async Task<IReadOnlyList<ApiRoom>?> FetchRoomListAsync(Session session, CancellationToken cancellationToken)
    {
        var response = await session.GetAsync("/api/rooms", RoomList, cancellationToken);
        if (!Settled(session, response, null))
        {
            return null;
        }
        var rooms = RoomRules.ReadList(response.Status, response.Text, RoomList, CheckPhase.Load);
        if (!Verdict(session, response, rooms.Verdict) || !Verdict(session, response, RoomRules.HasExactly100(rooms.Value!, RoomList, CheckPhase.Load)))
        {
            return null;
        }
        session.Succeed(response);
        return rooms.Value;
    }

    /// <summary>One line for the error ledger: the rule's message, the endpoint, and what came back.</summary>
    public static string Describe(Verdict verdict, bool withActual = true) =>
        withActual && verdict.Evidence.Actual.Length > 0
            ? $"{verdict.Message} [{verdict.Evidence.Request}]: {verdict.Evidence.Actual}"
            : $"{verdict.Message} [{verdict.Evidence.Request}]";

    // A transport failure already has its verdict: only the message is added (bench capacity adds nothing).
    private static bool Settled(Session session, SessionResponse response, Verdict? status)
    {
        if (response.Failure == FailureKind.BenchCapacity)
        {
            return false;
        }
        if (response.Failure != FailureKind.None)
        {
            session.Fail(response, response.FailureMessage ?? $"{response.Endpoint}: request failed");
            return false;
        }
        return status is null || Verdict(session, response, status);
    }

    private static bool Verdict(Session session, SessionResponse response, Verdict verdict)
    {
        if (!verdict.Passed)
        {
            session.Fail(response, Describe(verdict));
        }
        return verdict.Passed;
    }

    private static StringContent Json(string json)
    {
        var content = new StringContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static KeyValuePair<string, string>[] TokenHeader(string token) => [new("x-csrf-token", token)];
}
