using IsuBench.Checks.Documents.Api;
using IsuBench.Checks.Rules;
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
        var top = await context.Requests.PageTokenAsync(IsuketchApi.TopPageAsync(session, cancellationToken), context.StoppedBy());
        return top.Value is { } token ? new SessionWithToken(session, token) : null;
    }

    /// <summary>
    /// Creates a numbered room as this token's owner and judges the answer, with its <c>created_at</c> window when
    /// <paramref name="checkCreatedAt"/>; null when the room could not be created (critical, as in the original).
    /// </summary>
    public async Task<ApiRoom?> CreateRoomAsync(CheckContext context, CancellationToken cancellationToken, bool checkCreatedAt = false)
    {
        var created = await context.Requests.CreateRoomAsync(Session, Token, NewRoom.Numbered(context.Random), cancellationToken,
            checkCreatedAt ? (room, response, request) => [RoomRules.CreatedAtInWindow(room, response.SentAt, response.ReceivedAt, request)] : null);
        // A wrong timestamp is judged, but the room is there: what follows is still worth checking.
        return created.Value;
    }
}
