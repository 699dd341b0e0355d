using IsuBench.Checks.Rules;
using IsuBench.Tests.Checks.Fixtures;

namespace IsuBench.Tests.Checks.Rules;

public class WatcherRulesTests
{
    private const string Request = "GET /api/stream/rooms/40";

    [Fact]
    public void The_highest_watcher_count_must_equal_the_watchers_in_the_room()
    {
        VerdictAssert.Passed(WatcherRules.HighestCountIs([1, 2, 3, 2], 3, 40, Request), "watchers.count");
        VerdictAssert.Passed(WatcherRules.HighestCountIs([], 0, 40, Request), "watchers.count");
        var verdict = WatcherRules.HighestCountIs([1, 2], 3, 40, Request);
        VerdictAssert.Failed(verdict, "watchers.count", "The watcher_count sent is wrong", critical: true);
        Assert.Equal(("room 40: highest watcher_count 3", "2"), (verdict.Evidence.Expected, verdict.Evidence.Actual));
        VerdictAssert.Failed(WatcherRules.HighestCountIs([4], 3, 40, Request), "watchers.count", "The watcher_count sent is wrong", critical: true);
    }

    [Fact]
    public void Every_stroke_of_the_room_must_be_received()
    {
        VerdictAssert.Passed(WatcherRules.ReceivedAllStrokes(41, 41, 40, Request), "watchers.strokes");
        VerdictAssert.Failed(WatcherRules.ReceivedAllStrokes(40, 41, 40, Request), "watchers.strokes", "The strokes sent are wrong", critical: true);
        VerdictAssert.Failed(WatcherRules.ReceivedAllStrokes(42, 41, 40, Request), "watchers.strokes", "The strokes sent are wrong", critical: true);
    }
}
