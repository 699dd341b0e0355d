using IsuBench.Checks.Rules;
using IsuBench.Scenarios.Api;
using IsuBench.Scenarios.Workloads;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>Step 4: a second session posting the first <c>star</c> stroke into a fresh room of the first must get 400 (critical if accepted).</summary>
internal sealed class FirstStrokeOwnerCheck : IInitialCheck
{
    /// <inheritdoc />
    public string Name => InitialCheckNames.FirstStrokeOwner;

    /// <inheritdoc />
    public async Task RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var owner = context.NewSession();
        var ownerTop = await PageLoad.GetAsync(context, IsuketchApi.TopPageAsync(owner, cancellationToken), needsToken: true);
        if (!ownerTop.Ok) return;
        context.Judge(ownerTop.Response, ownerTop.PageVerdicts);
        var response = await IsuketchApi.CreateRoomAsync(owner, ownerTop.Token!, NewRoom.Numbered(context.Random), cancellationToken);
        var created = RoomRules.ReadCreated(response.Status, ResponseText.Body(response), "POST /api/rooms");
        if (!context.Judge(response, created.Verdict, ContractRules.HasFields(created.Absent, ApiDocumentKind.CreatedRoom, "POST /api/rooms"))) return;

        var stranger = context.NewSession();
        var strangerTop = await PageLoad.GetAsync(context, IsuketchApi.TopPageAsync(stranger, cancellationToken), needsToken: true);
        if (!strangerTop.Ok) return;
        context.Judge(strangerTop.Response, strangerTop.PageVerdicts);

        var star = Jitter.Fluctuate(StrokeSeeds.Load("star")[0], context.Random);
        var roomId = created.Value!.Id;
        var post = await IsuketchApi.PostStrokeAsync(stranger, strangerTop.Token!, roomId, star, cancellationToken);
        context.Judge(post, StrokeRules.FirstStrokeRejected(post.Status, ResponseText.Body(post),
            $"POST {IsuketchApi.StrokePath(roomId)} by another session as the room's first stroke"));
    }
}
