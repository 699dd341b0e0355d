using IsuBench.Checks.Rules;
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
        var ownerTop = await PageLoad.GetAsync(context, owner, "/", "GET /", needsToken: true, cancellationToken);
        if (!ownerTop.Ok) return;
        context.Judge(owner, ownerTop.Response, ownerTop.PageVerdicts);
        var response = await IsuketchRequests.CreateRoomAsync(owner, ownerTop.Token!, context.Random, cancellationToken);
        var created = RoomRules.ReadCreated(response.Status, ResponseText.Body(response), "POST /api/rooms");
        if (!context.Judge(owner, response, created.Verdict, ContractRules.HasFields(created.Absent, ApiDocumentKind.CreatedRoom, "POST /api/rooms"))) return;

        var stranger = context.NewSession();
        var strangerTop = await PageLoad.GetAsync(context, stranger, "/", "GET /", needsToken: true, cancellationToken);
        if (!strangerTop.Ok) return;
        context.Judge(stranger, strangerTop.Response, strangerTop.PageVerdicts);

        var star = Jitter.Fluctuate(StrokeSeeds.Load("star")[0], context.Random);
        var roomId = created.Value!.Id;
        var post = await IsuketchRequests.PostStrokeAsync(stranger, strangerTop.Token!, roomId, star, cancellationToken);
        context.Judge(stranger, post, StrokeRules.FirstStrokeRejected(post.Status, ResponseText.Body(post),
            $"POST {IsuketchRequests.StrokePath(roomId)} by another session as the room's first stroke"));
    }
}
