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
        new(Name, options.DrawOnRandomRoomWorkers, (context, token) => RunAsync(context, options, judge, token))
        {
            PauseAfterSuccess = options.DrawOnRandomRoomPause,
            PauseAfterFailure = options.DrawOnRandomRoomPause,
        };

    private static async Task RunAsync(WorkerContext context, LoadOptions options, Judge judge, CancellationToken cancellationToken)
    {
        using var session = context.NewSession();
        var rooms = await LoadRequests.FetchRoomListAsync(judge, session, cancellationToken);
        if (rooms is null)
        {
            context.MarkFailed();
            return;
        }
        int first = Math.Clamp(options.DrawRoomFirstPosition, 0, rooms.Count - 1);
        var room = rooms[first + context.Random.Next(rooms.Count - first)];
        var (token, _) = await LoadRequests.FetchPageTokenAsync(judge, IsuketchApi.RoomPageAsync(session, room.Id, cancellationToken), cancellationToken);
        if (token is null)
        {
            context.MarkFailed();
            return;
        }
        var seeds = StrokeSeeds.Load("www");
        var stroke = Jitter.Fluctuate(seeds[context.Random.Next(seeds.Count)], context.Random);
        var (posted, _) = await LoadRequests.PostStrokeAsync(judge, session, token, room.Id, stroke, cancellationToken);
        if (posted is null)
        {
            context.MarkFailed();
        }
    }
}
