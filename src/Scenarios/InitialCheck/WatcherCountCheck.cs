using System.Globalization;
using IsuBench.Checks.Documents.Api;
using IsuBench.Checks.Rules;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>
/// (b), beside the sequence: from <c>/api/rooms</c>, with a random pad 0..19, room <c>rooms[30 + pad + 10 i]</c> gets i watchers
/// (i = 0..4) that each stay for the watcher stay (the list must hold exactly 100 rooms); each watcher's highest <c>watcher_count</c> must be i, and it must have received
/// exactly the room's <c>stroke_count</c> strokes (both critical).
/// </summary>
internal sealed class WatcherCountCheck : IInitialCheck
{
    private const int FirstPosition = 30;
    private const int PadLimit = 20;
    private const int Step = 10;
    private const int MostWatchers = 4;

    /// <inheritdoc />
    public string Name => InitialCheckNames.WatcherCount;

    /// <inheritdoc />
    public async Task RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        var session = context.NewSession();
        // As the original: a list of other than 100 rooms fails the check (and leaves no rooms to pick from).
        var list = await context.Requests.RoomListAsync(session, cancellationToken, WatcherRules.Count.Fail);
        if (!list.Passed) return;
        var rooms = list.Value!;
        var pad = context.Random.Next(PadLimit);

        var watchers = new List<Task>();
        for (var i = 1; i <= MostWatchers; i++)
        {
            var room = rooms[FirstPosition + pad + Step * i];
            for (var w = 0; w < i; w++) watchers.Add(WatchAndCheckAsync(context, room, i, cancellationToken));
        }
        await Task.WhenAll(watchers);
    }

    private static async Task WatchAndCheckAsync(CheckContext context, ApiRoom room, int watchers, CancellationToken cancellationToken)
    {
        var seen = await WatcherCountObservation.ObserveAsync(context, room.Id, cancellationToken);
        if (seen is null) return;
        var request = $"GET /api/stream/rooms/{room.Id.ToString(CultureInfo.InvariantCulture)} for {context.Options.WatcherStay.TotalSeconds:0.#} s";
        context.Record(
            WatcherRules.HighestCountIs(seen.WatcherCounts, watchers, room.Id, request),
            WatcherRules.ReceivedAllStrokes(seen.Strokes, room.StrokeCount, room.Id, request));
    }
}
