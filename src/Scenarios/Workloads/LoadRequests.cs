using IsuBench.Checks.Documents.Api;
using IsuBench.Checks.Documents;
using IsuBench.Checks.Rules;
using IsuBench.Engine.Http;
using IsuBench.Scenarios.Api;
using IsuBench.Scenarios.Judging;

namespace IsuBench.Scenarios.Workloads;

/// <summary>
/// The requests the load workloads make, each sent through <see cref="IsuketchApi"/>, read with the load-phase rules and given its
/// verdict by the judge (a success scores; a failed check is an ordinary error). A null result means the request failed and was recorded.
/// </summary>
public static class LoadRequests
{
    /// <summary>GETs a page, requires 200 and reads <c>data-csrf-token</c> of <c>&lt;html&gt;</c>; with the response (e.g. to tell the bench's own capacity from a server failure).</summary>
    public static async Task<(string? Token, SessionResponse Response)> FetchPageTokenAsync(
        Judge judge, Task<SessionResponse> request, CancellationToken cancellationToken)
    {
        var response = await request.WaitAsync(cancellationToken);
        var status = HttpRules.StatusIs(200, response.Status, response.Endpoint);
        if (!response.Is(200))
        {
            judge.Response(response, status);
            return (null, response);
        }
        var token = TokenRules.ReadPageToken(HtmlDocument.ReadCsrfToken(response.Text), response.Endpoint);
        return judge.Response(response, status, token.Verdict) ? (token.Value, response) : (null, response);
    }

    /// <summary>GETs the top page, requires 200 and returns its document.</summary>
    public static async Task<HtmlDocument?> FetchTopPageAsync(Judge judge, Session session, CancellationToken cancellationToken)
    {
        var response = await IsuketchApi.TopPageAsync(session, cancellationToken);
        return judge.Response(response, HttpRules.StatusIs(200, response.Status, Endpoints.TopPage)) ? HtmlDocument.Parse(response.Text) : null;
    }

    /// <summary>True when the response answered 200 (static files and images: contents not checked, as the original).</summary>
    public static async Task<bool> AnsweredOkAsync(Judge judge, Task<SessionResponse> request)
    {
        var response = await request;
        return judge.Response(response, HttpRules.StatusIs(200, response.Status, response.Endpoint));
    }

    /// <summary>Creates a room as the token's owner.</summary>
    public static async Task<ApiRoom?> CreateRoomAsync(Judge judge, Session session, string token, NewRoom room, CancellationToken cancellationToken)
    {
        var response = await IsuketchApi.CreateRoomAsync(session, token, room, cancellationToken);
        var created = RoomRules.ReadCreated(response.Status, response.Text, Endpoints.CreateRoom, CheckPhase.Load);
        return judge.Response(response, created.Verdict) ? created.Value : null;
    }

    /// <summary>Posts a stroke into a room; returns the stored stroke and the response (whose <see cref="SessionResponse.SentAt"/> the 2 s rule uses).</summary>
    public static async Task<(ApiStroke? Stroke, SessionResponse Response)> PostStrokeAsync(
        Judge judge, Session session, string token, long roomId, StrokeShape stroke, CancellationToken cancellationToken)
    {
        var response = await IsuketchApi.PostStrokeAsync(session, token, roomId, stroke, cancellationToken);
        var posted = StrokeRules.ReadPosted(response.Status, response.Text, Endpoints.PostStroke, CheckPhase.Load);
        return (judge.Response(response, posted.Verdict) ? posted.Value : null, response);
    }

    /// <summary>GETs <c>/api/rooms</c>, which must hold exactly 100 rooms.</summary>
    public static async Task<IReadOnlyList<ApiRoom>?> FetchRoomListAsync(Judge judge, Session session, CancellationToken cancellationToken)
    {
        var response = await IsuketchApi.RoomListAsync(session, cancellationToken);
        var rooms = RoomRules.ReadList(response.Status, response.Text, Endpoints.RoomList, CheckPhase.Load);
        if (!rooms.Ok)
        {
            judge.Response(response, rooms.Verdict);
            return null;
        }
        return judge.Response(response, rooms.Verdict, RoomRules.HasExactly100(rooms.Value!, Endpoints.RoomList, CheckPhase.Load)) ? rooms.Value : null;
    }
}
