using IsuBench.Checks.Verdicts;

namespace IsuBench.Checks.Rules;

/// <summary>Every rule the checks apply, for listing them and for proving each one can fail.</summary>
internal static class RuleCatalog
{
    /// <summary>All rules, grouped by subject.</summary>
    public static readonly IReadOnlyList<Rule> All =
    [
        HttpRules.Status,
        TokenRules.Present, TokenRules.Refreshed,
        RoomRules.Create, RoomRules.CreateUnderLoad, RoomRules.CreatedAt, RoomRules.List, RoomRules.ListUnderLoad,
        RoomRules.ListCount, RoomRules.ListCountUnderLoad, RoomRules.Get, RoomRules.HasStrokes,
        StrokeRules.Post, StrokeRules.PostUnderLoad, StrokeRules.CreatedAt, StrokeRules.PointCount, StrokeRules.PointValues,
        StrokeRules.SubSecond, StrokeRules.FirstStrokeByOwner,
        TopPageRules.ListsDrawnRoom, TopPageRules.HidesEmptyRoom, TopPageRules.Images, TopPageRules.ReactIdCount,
        TopPageRules.ReactChecksumMatches, TopPageRules.AsyncPropsPresent, TopPageRules.AsyncPropsValid,
        TopPageRules.AsyncPropsOneElement, TopPageRules.AsyncPropsToken, TopPageRules.RoomHasId, TopPageRules.RoomInProps,
        TopPageRules.RoomStrokeCount,
        ConsistencyRules.PageRoomId, ConsistencyRules.PageStrokeCount, ConsistencyRules.PageRoomCount,
        ConsistencyRules.CountNotLower, ConsistencyRules.MissingRooms, ConsistencyRules.RoomPagePolylines,
        SvgRules.Parse, SvgRules.StrokePresent, SvgRules.PointCount, SvgRules.PointValues,
        StaticFileRules.Hash,
        StreamRules.Status, StreamRules.ContentType, StreamRules.NoBadRequest, StreamRules.StrokeData,
        StreamRules.WatcherCountData, StreamRules.DeliveryDelay, StreamRules.PointCount,
        WatcherRules.Count, WatcherRules.Strokes,
        ContractRules.Fields, CompletionRules.Completed,
    ];

    /// <summary>The rule with <paramref name="id"/>, or null.</summary>
    public static Rule? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
