using IsuBench.Checks.Documents.Api;
using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Engine.Http;
using IsuBench.Scenarios.Api;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>The room list as the checks that start from it load it (the original's getRoomsAPI).</summary>
internal static class RoomListLoad
{
    /// <summary>
    /// GETs <c>/api/rooms</c> and judges it: readable, the contract's fields, exactly 100 rooms (critical, as in the original).
    /// Returns the rooms, or null when the list failed; <paramref name="blocked"/> is the rule of the caller that fails with it.
    /// </summary>
    public static async Task<IReadOnlyList<ApiRoom>?> GetAsync(CheckContext context, Session session, CancellationToken cancellationToken, Rule? blocked = null)
    {
        const string request = "GET /api/rooms";
        var response = await IsuketchApi.RoomListAsync(session, cancellationToken);
        var list = RoomRules.ReadList(response.Status, ResponseText.Body(response), request);
        if (!list.Ok)
        {
            context.Judge(response, [list.Verdict, .. blocked is null ? [] : new[] { blocked.Fail(request, "the room list", list.Verdict.Evidence.Actual) }]);
            return null;
        }
        var rooms = list.Value!;
        return context.Judge(response, list.Verdict, ContractRules.HasFields(list.Absent, ApiDocumentKind.RoomList, request), RoomRules.HasExactly100(rooms, request))
            ? rooms
            : null;
    }
}
