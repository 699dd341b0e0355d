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
        var owner = await SessionWithToken.OpenAsync(context, cancellationToken);
        if (owner is null) return;
        var room = await owner.CreateRoomAsync(context, cancellationToken);
        if (room is null) return;

        var viewer = context.NewSession();
        await context.Requests.PageAsync(IsuketchApi.TopPageAsync(viewer, cancellationToken),
            (page, _, _) => [TopPageRules.DoesNotListRoomImage(page, room.Id, "GET / after creating a room without strokes")], context.StoppedBy());
    }
}
