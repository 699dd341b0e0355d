using IsuBench.Checks.Documents;
using IsuBench.Checks.FrontEnds;
using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Tests.Checks.Fixtures;

namespace IsuBench.Tests.Checks.Rules;

public class TopPageRulesTests
{
    private const string Request = "GET /";
    private const string RootInner = "<p data-reactid=\"2\">ひたすら椅子を描く部屋</p>";
    // Node.js running React 15's adler32.js algorithm over
    // <div data-reactroot="" data-reactid="1"><p data-reactid="2">ひたすら椅子を描く部屋</p></div>
    private const string RootChecksum = "429018859";

    private static readonly FrontEnd Reference = FrontEndCatalog.Reference(new Dictionary<string, string>());

    [Fact]
    public void Lists_a_drawn_room_and_hides_an_empty_one()
    {
        var page = HtmlDocument.Parse(new CraftedPages().TopPage());
        VerdictAssert.Passed(TopPageRules.ListsRoomImage(page, 999, Request), "top.lists-drawn-room");
        VerdictAssert.Failed(TopPageRules.ListsRoomImage(page, 5000, Request),
            "top.lists-drawn-room", "The posted stroke is not reflected on the top page", critical: true);
        VerdictAssert.Passed(TopPageRules.DoesNotListRoomImage(page, 5000, Request), "top.hides-empty-room");
        VerdictAssert.Failed(TopPageRules.DoesNotListRoomImage(page, 999, Request),
            "top.hides-empty-room", "A room without strokes is shown on the top page", critical: true);
    }

    [Fact]
    public void A_conforming_page_passes_every_content_rule_of_the_reference_front_end()
    {
        var verdicts = Content(new CraftedPages(), Reference);
        VerdictAssert.AllPassed(verdicts);
        Assert.Equal(
            ["top.images", "top.async-props.present", "top.async-props.valid", "top.async-props.one-element", "top.async-props.token",
             "top.room.id", "top.room.in-props", "top.room.stroke-count"],
            verdicts.Select(v => v.RuleId));
    }

    [Fact]
    public void Fewer_than_100_images_is_critical()
    {
        var pages = new CraftedPages();
        pages.Rooms.RemoveAt(0);
        VerdictAssert.Failed(VerdictAssert.OnlyFailure(Content(pages, Reference)), "top.images", "Too few images on the top page", critical: true);
    }

    [Fact]
    public void Missing_props_are_critical()
    {
        var verdict = VerdictAssert.OnlyFailure(Content(new CraftedPages { ScriptPrefix = "var props = " }, Reference));
        VerdictAssert.Failed(verdict, "top.async-props.present", "__ASYNC_PROPS__ is missing", critical: true);
    }

    [Fact]
    public void Props_that_are_not_json_are_critical()
    {
        var verdict = VerdictAssert.OnlyFailure(Content(new CraftedPages { PropsJson = "[{\"rooms\": [" }, Reference));
        VerdictAssert.Failed(verdict, "top.async-props.valid", "__ASYNC_PROPS__ is not valid", critical: true);
    }

    [Fact]
    public void Props_with_two_elements_are_critical()
    {
        var pages = new CraftedPages();
        pages.PropsJson = pages.DefaultPropsJson().TrimEnd(']') + ",{}]";
        var verdict = VerdictAssert.OnlyFailure(Content(pages, Reference));
        VerdictAssert.Failed(verdict, "top.async-props.one-element", "__ASYNC_PROPS__ does not hold exactly one element", critical: true);
    }

    [Fact]
    public void A_props_token_other_than_the_pages_is_critical()
    {
        var pages = new CraftedPages();
        pages.PropsJson = pages.DefaultPropsJson().Replace(pages.Token, "another");
        var verdict = VerdictAssert.OnlyFailure(Content(pages, Reference));
        VerdictAssert.Failed(verdict, "top.async-props.token", "__ASYNC_PROPS__'s csrfToken differs from the page's data-csrf-token", critical: true);
        Assert.Equal("csrfToken \"another\"", verdict.Evidence.Actual);
    }

    [Fact]
    public void A_room_without_id_is_critical()
    {
        var pages = new CraftedPages { RoomIdAttribute = id => id == 950 ? null : id.ToString() };
        var verdict = VerdictAssert.OnlyFailure(Content(pages, Reference));
        VerdictAssert.Failed(verdict, "top.room.id", "A room on the top page has no id", critical: true);
    }

    [Fact]
    public void A_room_missing_from_props_is_critical()
    {
        var pages = new CraftedPages();
        pages.PropsJson = pages.DefaultPropsJson().Replace("\"id\":950,", "\"id\":95000,");
        var verdict = VerdictAssert.OnlyFailure(Content(pages, Reference));
        VerdictAssert.Failed(verdict, "top.room.in-props", "A room on the top page is missing from __ASYNC_PROPS__", critical: true);
        Assert.Equal("room \"950\" not in __ASYNC_PROPS__ (1 of 100)", verdict.Evidence.Actual);
    }

    [Fact]
    public void A_stroke_count_off_by_one_is_critical()
    {
        var pages = new CraftedPages { StrokeCountText = (id, count) => id == 960 ? (count - 1).ToString() : count.ToString() };
        var verdict = VerdictAssert.OnlyFailure(Content(pages, Reference));
        VerdictAssert.Failed(verdict, "top.room.stroke-count", "A room's stroke_count on the top page differs from __ASYNC_PROPS__", critical: true);
        Assert.Equal("room 960: page \"40\", props 41 (1 of 100)", verdict.Evidence.Actual);
    }

    [Fact]
    public void The_reference_front_end_checks_the_checksum_only_where_present()
    {
        VerdictAssert.AllPassed(Content(new CraftedPages { ReactRootInner = RootInner, ReactChecksum = RootChecksum }, Reference));
        var verdict = VerdictAssert.OnlyFailure(Content(new CraftedPages { ReactRootInner = RootInner, ReactChecksum = "429018858" }, Reference));
        VerdictAssert.Failed(verdict, "top.react-checksum", "The top page content is wrong (data-react-checksum is missing or does not match)", critical: true);
        Assert.Equal("data-react-checksum=\"429018859\"", verdict.Evidence.Expected);
    }

    [Fact]
    public void The_isucon6f_front_end_requires_the_checksum_and_the_reactid_count()
    {
        var frontEnd = FrontEndCatalog.Isucon6f();
        // The crafted page holds 2 data-reactid elements in its React root; the original top page held 1525.
        var withRoot = new CraftedPages { ReactRootInner = RootInner, ReactChecksum = RootChecksum };
        var countVerdict = VerdictAssert.OnlyFailure(Content(withRoot, frontEnd));
        VerdictAssert.Failed(countVerdict, "top.react-id-count", "The top page content is wrong (the number of data-reactid elements differs)", critical: true);
        Assert.Equal(("1525 elements with data-reactid", "2"), (countVerdict.Evidence.Expected, countVerdict.Evidence.Actual));

        var exact = frontEnd with { RequiredReactIdCount = 2 };
        VerdictAssert.AllPassed(Content(withRoot, exact));
        var noRoot = VerdictAssert.OnlyFailure(Content(new CraftedPages(), exact with { RequiredReactIdCount = 0 }));
        VerdictAssert.Failed(noRoot, "top.react-checksum", "The top page content is wrong (data-react-checksum is missing or does not match)", critical: true);
    }

    private static IReadOnlyList<Verdict> Content(CraftedPages pages, FrontEnd frontEnd) =>
        TopPageRules.Content(HtmlDocument.Parse(pages.TopPage()), frontEnd, Request);
}
