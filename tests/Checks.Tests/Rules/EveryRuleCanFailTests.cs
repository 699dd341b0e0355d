using System.Text;
using IsuBench.Checks.Documents;
using IsuBench.Checks.Documents.Api;
using IsuBench.Checks.FrontEnds;
using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Tests.Checks.Fixtures;

namespace IsuBench.Tests.Checks.Rules;

/// <summary>One breaking input per rule of the catalogue, so a rule added without a way to fail is noticed.</summary>
public class EveryRuleCanFailTests
{
    private const string R = "request";
    private static readonly DateTimeOffset T = new(2016, 9, 22, 0, 0, 0, TimeSpan.Zero);
    private static readonly ApiStroke Stroke = new(1, 1, 10, 1, 1, 1, 0.5, T, [new ApiPoint(1, 1, 1, 1)]);
    private static readonly ApiRoom Room = new(1, "r", 1, 1, T, [], 41, 0);
    private static readonly FrontEnd Strict = FrontEndCatalog.Isucon6f();

    private static HtmlDocument Page(Action<CraftedPages> breakIt)
    {
        var pages = new CraftedPages();
        breakIt(pages);
        return HtmlDocument.Parse(pages.TopPage());
    }

    private static Verdict First(IEnumerable<Verdict> verdicts) => verdicts.First(v => !v.Passed);

    private static readonly Dictionary<string, Func<Verdict>> Breakers = new()
    {
        ["http.status"] = () => HttpRules.StatusIs(200, 500, R),
        ["tokens.present"] = () => TokenRules.ReadPageToken(HtmlDocument.Parse("<html></html>"), R).Verdict,
        ["tokens.refreshed"] = () => TokenRules.TokensDiffer("a", "a", R),
        ["rooms.create"] = () => RoomRules.ReadCreated(500, "", R).Verdict,
        ["load.rooms.create"] = () => RoomRules.ReadCreated(500, "", R, CheckPhase.Load).Verdict,
        ["rooms.created-at"] = () => RoomRules.CreatedAtInWindow(Room, T.AddSeconds(1), T.AddSeconds(2), R),
        ["rooms.list"] = () => RoomRules.ReadList(500, "", R).Verdict,
        ["load.rooms.list"] = () => RoomRules.ReadList(500, "", R, CheckPhase.Load).Verdict,
        ["rooms.list-count"] = () => RoomRules.HasExactly100([Room], R),
        ["load.rooms.list-count"] = () => RoomRules.HasExactly100([Room], R, CheckPhase.Load),
        ["rooms.get"] = () => RoomRules.ReadFetched(404, "", R).Verdict,
        ["rooms.has-strokes"] = () => RoomRules.HasAnyStroke(Room, R),
        ["strokes.post"] = () => StrokeRules.ReadPosted(400, "", R).Verdict,
        ["load.strokes.post"] = () => StrokeRules.ReadPosted(400, "", R, CheckPhase.Load).Verdict,
        ["strokes.created-at"] = () => StrokeRules.CreatedAtInWindow(Stroke, T.AddSeconds(1), T.AddSeconds(2), R),
        ["strokes.point-count"] = () => First(StrokeRules.RoundTrip([], Stroke, R)),
        ["strokes.point-values"] = () => First(StrokeRules.RoundTrip([new Vertex(1.2, 1)], Stroke, R)),
        ["strokes.sub-second"] = () => StrokeRules.SubSecondStored([T, T, T], R),
        ["strokes.first-by-owner"] = () => StrokeRules.FirstStrokeRejected(200, "", R),
        ["top.lists-drawn-room"] = () => TopPageRules.ListsRoomImage(Page(_ => { }), 1, R),
        ["top.hides-empty-room"] = () => TopPageRules.DoesNotListRoomImage(Page(_ => { }), 999, R),
        ["top.images"] = () => First(TopPageRules.Content(Page(p => p.Rooms.Clear()), FrontEndCatalog.Reference(new Dictionary<string, string>()), R)),
        ["top.react-id-count"] = () => First(TopPageRules.Content(Page(_ => { }), Strict, R)),
        ["top.react-checksum"] = () => First(TopPageRules.Content(Page(_ => { }), Strict with { RequiredReactIdCount = null }, R)),
        ["top.async-props.present"] = () => First(TopPageRules.Content(Page(p => p.ScriptPrefix = ""), Strict with { RequiredReactIdCount = null, ChecksumRequired = false }, R)),
        ["top.async-props.valid"] = () => First(TopPageRules.Content(Page(p => p.PropsJson = "{"), Strict with { RequiredReactIdCount = null, ChecksumRequired = false }, R)),
        ["top.async-props.one-element"] = () => First(TopPageRules.Content(Page(p => p.PropsJson = "[]"), Strict with { RequiredReactIdCount = null, ChecksumRequired = false }, R)),
        ["top.async-props.token"] = () => First(TopPageRules.Content(Page(p => p.PropsJson = "[{\"rooms\":[]}]"), Strict with { RequiredReactIdCount = null, ChecksumRequired = false }, R)),
        ["top.room.id"] = () => First(TopPageRules.Content(Page(p => p.RoomIdAttribute = _ => null), Strict with { RequiredReactIdCount = null, ChecksumRequired = false }, R)),
        ["top.room.in-props"] = () => First(TopPageRules.Content(Page(p => p.PropsJson = $"[{{\"rooms\":[],\"csrfToken\":\"{p.Token}\"}}]"), Strict with { RequiredReactIdCount = null, ChecksumRequired = false }, R)),
        ["top.room.stroke-count"] = () => First(TopPageRules.Content(Page(p => p.StrokeCountText = (_, _) => "0"), Strict with { RequiredReactIdCount = null, ChecksumRequired = false }, R)),
        ["consistency.room-id"] = () => First(ConsistencyRules.TopPageMatchesApi([], Page(p => p.RoomIdAttribute = _ => "x"), R)),
        ["consistency.stroke-count"] = () => First(ConsistencyRules.TopPageMatchesApi([], Page(p => p.StrokeCountText = (_, _) => ""), R)),
        ["consistency.room-count"] = () => First(ConsistencyRules.TopPageMatchesApi([], Page(p => p.Rooms.RemoveAt(0)), R)),
        ["consistency.count-not-lower"] = () => First(ConsistencyRules.TopPageMatchesApi([Room with { Id = 999, StrokeCount = 42 }], Page(_ => { }), R)),
        ["consistency.missing-rooms"] = () => First(ConsistencyRules.TopPageMatchesApi(Enumerable.Repeat(Room, 91).ToList(), Page(_ => { }), R)),
        ["consistency.room-page-polylines"] = () => ConsistencyRules.RoomPageMatchesApi(Room with { Strokes = [Stroke] }, HtmlDocument.Parse(CraftedPages.RoomPage(0)), R),
        ["svg.parse"] = () => SvgRules.ReadImage("<", R).Verdict,
        ["svg.stroke-present"] = () => First(SvgRules.StrokeReflected(SvgRules.ReadImage(CraftedPages.Svg(), R).Value!, 1, [], R)),
        ["svg.point-count"] = () => First(SvgRules.StrokeReflected(SvgRules.ReadImage(CraftedPages.Svg((1, "1,1")), R).Value!, 1, [], R)),
        ["svg.point-values"] = () => First(SvgRules.StrokeReflected(SvgRules.ReadImage(CraftedPages.Svg((1, "1,1")), R).Value!, 1, [new Vertex(1, 1.2)], R)),
        ["static.hash"] = () => StaticFileRules.HashMatches("/bundle.js", 200, Encoding.ASCII.GetBytes("changed"), Strict, R),
        ["stream.status"] = () => StreamRules.StatusIsOk(404, R),
        ["stream.content-type"] = () => StreamRules.ContentTypeIsEventStream("text/html", R),
        ["stream.bad-request"] = () => StreamRules.NotBadRequest("bad_request", "", R),
        ["stream.stroke-data"] = () => StreamRules.ReadStrokeEvent("", R).Verdict,
        ["stream.watcher-count-data"] = () => StreamRules.ReadWatcherCountEvent("x", R).Verdict,
        ["stream.delivery-delay"] = () => StreamRules.DeliveredInTime(Stroke, T.AddSeconds(-1), T.AddSeconds(6), R),
        ["stream.point-count"] = () => StreamRules.PointCountMatches(2, Stroke.Id, Stroke.Points.Count, R),
        ["watchers.count"] = () => WatcherRules.HighestCountIs([1], 2, 1, R),
        ["watchers.strokes"] = () => WatcherRules.ReceivedAllStrokes(1, 2, 1, R),
        ["contract.fields"] = () => ContractRules.HasFields(["$.room.name"], ApiDocumentKind.CreatedRoom, R),
        ["initial.completed"] = () => CompletionRules.Stopped("top-page-content", R, "status 500"),
    };

    public static TheoryData<string> RuleIds() => new(RuleCatalog.All.Select(r => r.Id));

    [Fact]
    public void Every_catalogued_rule_has_a_breaking_input()
    {
        Assert.Equal(RuleCatalog.All.Select(r => r.Id).Order(), Breakers.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_breaking_input_fails_that_rule_with_its_message_and_criticality(string ruleId)
    {
        var rule = RuleCatalog.Find(ruleId)!;
        var verdict = Breakers[ruleId]();
        VerdictAssert.Failed(verdict, rule.Id, rule.Message, rule.Critical);
        Assert.Equal(R, verdict.Evidence.Request);
        Assert.True(verdict.Evidence.Expected.Length <= Evidence.MaxLength + 40 && verdict.Evidence.Actual.Length <= Evidence.MaxLength + 40);
    }
}
