using IsuBench.Checks.Rules;
using IsuBench.Scenarios.Api;

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
        var top = await PageLoad.GetAsync(context, IsuketchApi.TopPageAsync(session, cancellationToken), needsToken: true);
        if (!top.Ok) return;
        context.Judge(top.Response, top.PageVerdicts);

        var response = await IsuketchApi.CreateRoomAsync(session, top.Token!, NewRoom.Numbered(context.Random), cancellationToken);
        var created = RoomRules.ReadCreated(response.Status, ResponseText.Body(response), "POST /api/rooms");
        if (!context.Judge(response, created.Verdict, ContractRules.HasFields(created.Absent, ApiDocumentKind.CreatedRoom, "POST /api/rooms"))) return;

        var viewer = context.NewSession();
        var again = await PageLoad.GetAsync(context, IsuketchApi.TopPageAsync(viewer, cancellationToken), needsToken: false);
        if (!again.Ok) return;
        context.Judge(again.Response, [.. again.PageVerdicts, TopPageRules.DoesNotListRoomImage(again.Page!, created.Value!.Id, "GET / after creating a room without strokes")]);
    }
}
