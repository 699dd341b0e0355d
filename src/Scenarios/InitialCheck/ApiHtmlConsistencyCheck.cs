using System.Globalization;
using IsuBench.Checks.Documents;
using IsuBench.Checks.Rules;
using IsuBench.Scenarios.Api;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>
/// Step 6: <c>/api/rooms</c> holds exactly 100 rooms and <c>/</c> shows them (100 rooms, numeric ids and counts, no count lower than
/// the API's, at most 90 missing); one of the API's rooms at positions 50..99 has strokes, and its page at least as many polylines.
/// </summary>
internal sealed class ApiHtmlConsistencyCheck : IInitialCheck
{
    private const int FirstPickedPosition = 50;
    private const int LastPickedPosition = 99;

    /// <inheritdoc />
    public string Name => InitialCheckNames.ApiHtmlConsistency;

    /// <inheritdoc />
    public async Task RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var session = context.NewSession();
        var listResponse = await IsuketchApi.RoomListAsync(session, cancellationToken);
        var list = RoomRules.ReadList(listResponse.Status, ResponseText.Body(listResponse), "GET /api/rooms");
        if (!list.Ok)
        {
            context.Judge(listResponse, list.Verdict);
            return;
        }
        var rooms = list.Value!;
        context.Judge(listResponse, list.Verdict, ContractRules.HasFields(list.Absent, ApiDocumentKind.RoomList, "GET /api/rooms"),
            RoomRules.HasExactly100(rooms, "GET /api/rooms"));

        var top = await PageLoad.GetAsync(context, IsuketchApi.TopPageAsync(session, cancellationToken), needsToken: false);
        if (!top.Ok) return;
        context.Judge(top.Response, [.. top.PageVerdicts, .. ConsistencyRules.TopPageMatchesApi(rooms, top.Page!, "GET / against GET /api/rooms")]);

        if (rooms.Count <= FirstPickedPosition)
        {
            context.Record(RoomRules.HasStrokes.Fail("GET /api/rooms", $"a room at positions {FirstPickedPosition}..{LastPickedPosition}", $"{rooms.Count} rooms"));
            return;
        }
        var picked = rooms[context.Random.Next(FirstPickedPosition, Math.Min(LastPickedPosition, rooms.Count - 1) + 1)];
        var id = picked.Id.ToString(CultureInfo.InvariantCulture);

        var roomRequest = $"GET /api/rooms/{id}";
        var roomResponse = await IsuketchApi.RoomAsync(session, picked.Id, cancellationToken);
        var fetched = RoomRules.ReadFetched(roomResponse.Status, ResponseText.Body(roomResponse), roomRequest);
        if (!fetched.Ok)
        {
            context.Judge(roomResponse, fetched.Verdict);
            return;
        }
        if (!context.Judge(roomResponse, fetched.Verdict, ContractRules.HasFields(fetched.Absent, ApiDocumentKind.Room, roomRequest),
            RoomRules.HasAnyStroke(fetched.Value!, roomRequest))) return;

        var pageRequest = $"GET /rooms/{id}";
        var pageResponse = await IsuketchApi.RoomPageAsync(session, picked.Id, cancellationToken);
        if (!pageResponse.Is(200))
        {
            context.Judge(pageResponse, ResponseText.StatusFailure(HttpRules.Status, pageResponse, 200, pageRequest),
                context.Stopped(pageRequest, ResponseText.Describe(pageResponse)));
            return;
        }
        context.Judge(pageResponse, ConsistencyRules.RoomPageMatchesApi(fetched.Value!, HtmlDocument.Parse(pageResponse.Text), pageRequest));
    }
}
