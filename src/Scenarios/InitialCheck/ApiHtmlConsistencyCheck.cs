using System.Globalization;
using IsuBench.Checks.Documents;
using IsuBench.Checks.Rules;
using IsuBench.Scenarios.Api;
using IsuBench.Scenarios.Judging;

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
        // As the original: without exactly 100 rooms in the list, the step ends there (critically).
        var list = await context.Requests.RoomListAsync(session, cancellationToken);
        if (!list.Passed) return;
        var rooms = list.Value!;

        // The page is judged against the list; what it showed does not stop the step.
        var top = await context.Requests.PageAsync(IsuketchApi.TopPageAsync(session, cancellationToken),
            (page, _, _) => ConsistencyRules.TopPageMatchesApi(rooms, page, "GET / against GET /api/rooms"), context.StoppedBy());
        if (top.Value is null) return;

        var picked = rooms[context.Random.Next(FirstPickedPosition, LastPickedPosition + 1)];
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
