using IsuBench.Checks.Rules;
using IsuBench.Scenarios.InitialCheck;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Integration.InitialCheck;

/// <summary>What a whole-suite run against a correct server must show.</summary>
public static class CleanRun
{
    /// <summary>The rules the whole initial check evaluates against a correct server (each at least once).</summary>
    public static readonly IReadOnlyList<string> EvaluatedRules =
    [
        TokenRules.Refreshed.Id, TokenRules.Present.Id, RoomRules.Create.Id, RoomRules.CreatedAt.Id, StrokeRules.Post.Id,
        StrokeRules.CreatedAt.Id, StrokeRules.PointCount.Id, StrokeRules.PointValues.Id, StrokeRules.SubSecond.Id,
        TopPageRules.ListsDrawnRoom.Id, TopPageRules.HidesEmptyRoom.Id, StrokeRules.FirstStrokeByOwner.Id, TopPageRules.Images.Id,
        TopPageRules.AsyncPropsPresent.Id, TopPageRules.AsyncPropsValid.Id, TopPageRules.AsyncPropsOneElement.Id, TopPageRules.AsyncPropsToken.Id,
        TopPageRules.RoomHasId.Id, TopPageRules.RoomInProps.Id, TopPageRules.RoomStrokeCount.Id, RoomRules.List.Id, RoomRules.ListCount.Id,
        ConsistencyRules.PageRoomId.Id, ConsistencyRules.PageStrokeCount.Id, ConsistencyRules.PageRoomCount.Id, ConsistencyRules.CountNotLower.Id,
        ConsistencyRules.MissingRooms.Id, RoomRules.Get.Id, RoomRules.HasStrokes.Id, ConsistencyRules.RoomPagePolylines.Id,
        SvgRules.Parse.Id, SvgRules.StrokePresent.Id, SvgRules.PointCount.Id, SvgRules.PointValues.Id, StaticFileRules.Hash.Id,
        WatcherRules.Count.Id, WatcherRules.Strokes.Id,
    ];

    /// <summary>Every check ran and passed, every rule above was evaluated, no error was recorded, and the score matches the requests.</summary>
    public static void AssertPassedEveryCheck(InitialCheckHarness.Run run)
    {
        Assert.True(run.Result.Passed, InitialCheckHarness.Failures(run.Result));
        Assert.Equal(InitialCheckNames.All, run.Result.Checks.Select(c => c.Name));
        Assert.All(run.Result.Checks, c => Assert.True(c.Passed && c.Verdicts.Count > 0, c.Name));
        Assert.Equal([], EvaluatedRules.Except(run.Result.Verdicts.Select(v => v.RuleId)));
        // Rooms with 1..4 watchers: 10 watchers, each with its own count verdict.
        Assert.Equal(10, run.Result.Checks.Single(c => c.Name == InitialCheckNames.WatcherCount).Verdicts.Count(v => v.RuleId == WatcherRules.Count.Id));
        Assert.Empty(run.Metrics.Errors.Snapshot());
        // Requests of the initial check score like any other: 20 per POST, 1 per GET, as logged request by request.
        Assert.True(run.Metrics.Score.Total > 0);
        Assert.Equal(((RequestLog)run.Metrics.Observer!).RecomputeScore(), run.Metrics.Score.Total);
    }
}
