using IsuBench.Checks.Documents;
using IsuBench.Checks.Documents.Api;
using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Tests.Checks.Fixtures;

namespace IsuBench.Tests.Checks.Rules;

public class ConsistencyRulesTests
{
    private const string Request = "GET /";

    [Fact]
    public void A_page_rendered_from_the_same_rooms_is_consistent()
    {
        var pages = new CraftedPages();
        VerdictAssert.AllPassed(Compare(ApiRooms(pages), pages));
    }

    [Fact]
    public void A_newer_page_with_higher_counts_and_up_to_90_rooms_missing_is_consistent()
    {
        var pages = new CraftedPages();
        var api = ApiRooms(pages).Select((r, i) => i < 90 ? r with { Id = r.Id + 100000 } : r).ToList();
        pages.StrokeCountText = (_, count) => (count + 3).ToString();
        VerdictAssert.AllPassed(Compare(api, pages));
    }

    [Fact]
    public void More_than_90_rooms_missing_is_critical()
    {
        var pages = new CraftedPages();
        var api = ApiRooms(pages).Select((r, i) => i < 91 ? r with { Id = r.Id + 100000 } : r).ToList();
        var verdict = VerdictAssert.OnlyFailure(Compare(api, pages));
        VerdictAssert.Failed(verdict, "consistency.missing-rooms",
            "The API and the HTML differ too much (more than 90 rooms of the API are missing from the top page)", critical: true);
        Assert.Equal("91 missing", verdict.Evidence.Actual);
    }

    [Fact]
    public void A_page_count_lower_than_the_apis_is_critical()
    {
        var pages = new CraftedPages { StrokeCountText = (id, count) => id == 930 ? "40" : count.ToString() };
        var verdict = VerdictAssert.OnlyFailure(Compare(ApiRooms(new CraftedPages()), pages));
        VerdictAssert.Failed(verdict, "consistency.count-not-lower",
            "The API and the HTML differ too much (a room's stroke count on the top page is lower than in the API)", critical: true);
    }

    [Fact]
    public void A_page_with_99_rooms_is_critical()
    {
        var pages = new CraftedPages();
        var api = ApiRooms(pages);
        pages.Rooms.RemoveAt(50);
        VerdictAssert.Failed(VerdictAssert.OnlyFailure(Compare(api, pages)),
            "consistency.room-count", "The top page does not show exactly 100 rooms", critical: true);
    }

    [Fact]
    public void Non_numeric_ids_and_counts_are_critical()
    {
        var api = ApiRooms(new CraftedPages());
        var badId = new CraftedPages { RoomIdAttribute = id => id == 910 ? "room-910" : id.ToString() };
        VerdictAssert.Failed(VerdictAssert.OnlyFailure(Compare(api, badId)),
            "consistency.room-id", "A room on the top page has no numeric id", critical: true);
        var badCount = new CraftedPages { StrokeCountText = (id, count) => id == 910 ? "many" : count.ToString() };
        VerdictAssert.Failed(VerdictAssert.OnlyFailure(Compare(api, badCount)),
            "consistency.stroke-count", "A room on the top page has no numeric stroke_count", critical: true);
    }

    [Fact]
    public void The_room_page_must_show_at_least_the_apis_strokes()
    {
        var stroke = new ApiStroke(1, 3, 10, 1, 1, 1, 0.5, DateTimeOffset.UnixEpoch, []);
        var room = new ApiRoom(3, "r", 1024, 768, DateTimeOffset.UnixEpoch, [stroke, stroke with { Id = 2 }, stroke with { Id = 3 }], 3, 0);
        VerdictAssert.Passed(ConsistencyRules.RoomPageMatchesApi(room, HtmlDocument.Parse(CraftedPages.RoomPage(3)), "GET /rooms/3"), "consistency.room-page-polylines");
        var verdict = ConsistencyRules.RoomPageMatchesApi(room, HtmlDocument.Parse(CraftedPages.RoomPage(2)), "GET /rooms/3");
        VerdictAssert.Failed(verdict, "consistency.room-page-polylines",
            "The API and the HTML differ too much (the room page has fewer strokes than the room API)", critical: true);
        Assert.Equal("2 polyline[id]", verdict.Evidence.Actual);
    }

    private static List<ApiRoom> ApiRooms(CraftedPages pages) =>
        pages.Rooms.Select(r => new ApiRoom(r.Id, "r", 1024, 768, DateTimeOffset.UnixEpoch, [], r.StrokeCount, 0)).ToList();

    private static IReadOnlyList<Verdict> Compare(IReadOnlyList<ApiRoom> api, CraftedPages pages) =>
        ConsistencyRules.TopPageMatchesApi(api, HtmlDocument.Parse(pages.TopPage()), Request);
}
