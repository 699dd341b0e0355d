using IsuBench.Checks.Documents.Api;
using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Engine.Http;
using IsuBench.Scenarios.Api;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>A new session of a check that loaded the top page and holds its CSRF token: how most steps begin (the original's fetchCSRFToken).</summary>
internal sealed record SessionWithToken(Session Session, string Token)
{
    /// <summary>Opens a new session on <c>/</c> and judges the page; null when the page or its token failed (judged already).</summary>
    public static async Task<SessionWithToken?> OpenAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var session = context.NewSession();
        var top = await PageLoad.GetAsync(context, IsuketchApi.TopPageAsync(session, cancellationToken), needsToken: true);
        if (!top.Ok) return null;
        context.Judge(top.Response, top.PageVerdicts);
        return new SessionWithToken(session, top.Token!);
    }

    /// <summary>
    /// Creates a numbered room as this token's owner and judges the answer, with its <c>created_at</c> window when
    /// <paramref name="checkCreatedAt"/>; null when the room could not be created (critical, as in the original).
    /// </summary>
    public async Task<ApiRoom?> CreateRoomAsync(CheckContext context, CancellationToken cancellationToken, bool checkCreatedAt = false)
    {
        const string request = "POST /api/rooms";
        var response = await IsuketchApi.CreateRoomAsync(Session, Token, NewRoom.Numbered(context.Random), cancellationToken);
        var created = RoomRules.ReadCreated(response.Status, ResponseText.Body(response), request);
        if (!created.Ok)
        {
            context.Judge(response, created.Verdict);
            return null;
        }
        List<Verdict> verdicts = [created.Verdict, ContractRules.HasFields(created.Absent, ApiDocumentKind.CreatedRoom, request)];
        if (checkCreatedAt) verdicts.Add(RoomRules.CreatedAtInWindow(created.Value!, response.SentAt, response.ReceivedAt, request));
        // A wrong timestamp is judged, but the room is there: what follows is still worth checking.
        context.Judge(response, verdicts);
        return created.Value;
    }
}
