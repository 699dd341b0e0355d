using IsuBench.Checks.Verdicts;

namespace IsuBench.Checks.Rules;

/// <summary>Rules of the watcher-count check: i watchers in a room each see watcher_count reach i and receive every stroke of the room.</summary>
public static class WatcherRules
{
    /// <summary>The highest <c>watcher_count</c> a watcher received equals the number of watchers in the room.</summary>
    public static readonly Rule Count = new("watchers.count", "The watcher_count sent is wrong", true);

    /// <summary>A watcher received exactly the room's <c>stroke_count</c> strokes (its history included).</summary>
    public static readonly Rule Strokes = new("watchers.strokes", "The strokes sent are wrong", true);

    /// <summary>The highest of <paramref name="receivedCounts"/> must equal <paramref name="watchers"/> (0 when none were received).</summary>
    public static Verdict HighestCountIs(IReadOnlyCollection<int> receivedCounts, int watchers, long roomId, string request)
    {
        var highest = receivedCounts.Count == 0 ? 0 : receivedCounts.Max();
        return Count.Check(highest == watchers, request, $"room {roomId}: highest watcher_count {watchers}", $"{highest}");
    }

    /// <summary>The number of stroke events received (repeats included, so a stroke sent twice after a reconnect fails) must equal the room's <c>stroke_count</c>.</summary>
    public static Verdict ReceivedAllStrokes(int receivedStrokes, int roomStrokeCount, long roomId, string request) =>
        Strokes.Check(receivedStrokes == roomStrokeCount, request, $"room {roomId}: {roomStrokeCount} strokes", $"{receivedStrokes} strokes");
}
