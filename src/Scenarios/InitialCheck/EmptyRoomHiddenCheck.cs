using IsuBench.Checks.Rules;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>Step 3: a room just created, without strokes, is not on the top page (critical).</summary>
internal sealed class EmptyRoomHiddenCheck : IInitialCheck
{
    /// <inheritdoc />
    public string Name => InitialCheckNames.EmptyRoomHidden;

    /// <inheritdoc />
    public async Task RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var session = context.NewSession();
        var top = await PageLoad.GetAsync(context, session, "/", "GET /", needsToken: true, cancellationToken);
        if (!top.Ok) return;
        context.Judge(session, top.Response, top.PageVerdicts);

        var response = await IsuketchRequests.CreateRoomAsync(session, top.Token!, context.Random, cancellationToken);
        var created = RoomRules.ReadCreated(response.Status, ResponseText.Body(response), "POST /api/rooms");
        if (!context.Judge(session, response, created.Verdict, ContractRules.HasFields(created.Absent, ApiDocumentKind.CreatedRoom, "POST /api/rooms"))) return;

        var viewer = context.NewSession();
        var again = await PageLoad.GetAsync(context, viewer, "/", "GET /", needsToken: false, cancellationToken);
        if (!again.Ok) return;
        context.Judge(viewer, again.Response, [.. again.PageVerdicts, TopPageRules.DoesNotListRoomImage(again.Page!, created.Value!.Id, "GET / after creating a room without strokes")]);
    }
}
