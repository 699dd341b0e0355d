using IsuBench.Checks.Rules;
using IsuBench.Scenarios.Api;
using IsuBench.Scenarios.Judging;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>Step 4: a second session posting the first <c>star</c> stroke into a fresh room of the first must get 400 (critical if accepted).</summary>
internal sealed class FirstStrokeOwnerCheck : IInitialCheck
{
    /// <inheritdoc />
    public string Name => InitialCheckNames.FirstStrokeOwner;

    /// <inheritdoc />
    public async Task RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var owner = await SessionWithToken.OpenAsync(context, cancellationToken);
        if (owner is null) return;
        var room = await owner.CreateRoomAsync(context, cancellationToken);
        if (room is null) return;
        var stranger = await SessionWithToken.OpenAsync(context, cancellationToken);
        if (stranger is null) return;

        var star = Jitter.Fluctuate(StrokeSeeds.Load("star")[0], context.Random);
        var post = await IsuketchApi.PostStrokeAsync(stranger.Session, stranger.Token, room.Id, star, cancellationToken);
        context.Judge(post, StrokeRules.FirstStrokeRejected(post.Status, ResponseText.Body(post),
            $"POST {IsuketchApi.StrokePath(room.Id)} by another session as the room's first stroke"));
    }
}
