using IsuBench.Engine.Execution;
using IsuBench.Scenarios.Api;
using IsuBench.Scenarios.Judging;

namespace IsuBench.Scenarios.Workloads;

/// <summary>
/// DrawOnRandomRoom (docs/contract.md §2.4): a new session GETs <c>/api/rooms</c> (exactly 100 rooms), picks one of positions
/// 20..99, GETs <c>/rooms/{id}</c> for a token and posts one jittered www stroke.
/// </summary>
public static class DrawOnRandomRoomWorkload
{
    /// <summary>The workload's name.</summary>
    public const string Name = "DrawOnRandomRoom";

    /// <summary>The workload with its workers and pause from <paramref name="options"/>.</summary>
    public static Workload Create(LoadOptions options, Judge judge) =>
        new(Name, options.DrawOnRandomRoomWorkers, (context, token) => RunAsync(context, options, JudgedRequests.ForLoad(judge), token))
        {
            PauseAfterSuccess = options.DrawOnRandomRoomPause,
            PauseAfterFailure = options.DrawOnRandomRoomPause,
        };

    private static async Task RunAsync(WorkerContext context, LoadOptions options, JudgedRequests requests, CancellationToken cancellationToken)
    {
        using var session = context.NewSession();
        var list = await requests.RoomListAsync(session, cancellationToken);
        if (!list.Passed)
        {
            context.MarkFailed();
            return;
        }
        var rooms = list.Value!;
        int first = Math.Clamp(options.DrawRoomFirstPosition, 0, rooms.Count - 1);
        var room = rooms[first + context.Random.Next(rooms.Count - first)];
        var page = await requests.PageTokenAsync(IsuketchApi.RoomPageAsync(session, room.Id, cancellationToken), cancellationToken: cancellationToken);
        if (!page.Passed)
        {
            context.MarkFailed();
            return;
        }
        var token = page.Value!;
        var seeds = StrokeSeeds.Load("www");
        var stroke = Jitter.Fluctuate(seeds[context.Random.Next(seeds.Count)], context.Random);
        var posted = await requests.PostStrokeAsync(session, token, room.Id, stroke, cancellationToken);
        if (!posted.Passed)
        {
            context.MarkFailed();
        }
    }
}
