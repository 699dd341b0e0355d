using IsuBench.Checks.Documents;
using IsuBench.Tests.Checks.Fixtures;

namespace IsuBench.Tests.Checks.Documents;

public class HtmlDocumentTests
{
    [Fact]
    public void Reads_token_rooms_images_and_first_body_script()
    {
        var pages = new CraftedPages { Token = "tok" };
        pages.Rooms.RemoveRange(2, 98);
        var page = HtmlDocument.Parse(pages.TopPage());
        Assert.Equal("tok", page.CsrfToken);
        Assert.Equal([new TopPageRoom("999", "41"), new TopPageRoom("998", "41")], page.Rooms);
        Assert.Equal(["/img/999", "/img/998"], page.ImageSources);
        Assert.StartsWith("__ASYNC_PROPS__ = [{", page.FirstBodyScript);
        Assert.Null(page.ReactRoot);
    }

    [Fact]
    public void Counts_react_ids_and_reads_the_checksum_root()
    {
        var page = HtmlDocument.Parse(
            "<html><body><div data-reactroot=\"\" data-reactid=\"1\" data-react-checksum=\"-5\"><p data-reactid=\"2\">椅子 &amp; <b data-reactid=\"3\">x</b></p></div></body></html>");
        Assert.Equal(3, page.ReactIdCount);
        Assert.Equal(new ReactRoot("-5", "<p data-reactid=\"2\">椅子 &amp; <b data-reactid=\"3\">x</b></p>"), page.ReactRoot);
        Assert.Null(page.CsrfToken);
        Assert.Null(page.FirstBodyScript);
    }

    [Fact]
    public void The_react_root_is_written_back_exactly_as_React_15_rendered_it()
    {
        // React 15 markup: void elements closed with "/>", text comments, and ' " & < escaped as React's escapeTextContentForBrowser does.
        const string inner = "<div class=\"room\" id=\"7\" data-reactid=\"2\"><a href=\"/rooms/7\" data-reactid=\"3\"><img src=\"/img/7\" width=\"256\" data-reactid=\"4\"/></a>" +
                             "<span class=\"stroke_count\" data-reactid=\"5\">41</span><!-- react-text: 6 -->It&#x27;s &quot;椅子&quot; &amp; &lt;3<!-- /react-text --><br data-reactid=\"7\"/></div>";
        // Node.js running React 15's adler32.js algorithm over <div data-reactroot="" data-reactid="1"> + inner + </div>.
        const string checksum = "-1937429181";
        var page = HtmlDocument.Parse($"<html><body><div data-reactroot=\"\" data-reactid=\"1\" data-react-checksum=\"{checksum}\">{inner}</div></body></html>");
        Assert.Equal(inner, page.ReactRoot!.InnerHtml);
        Assert.Equal(checksum, ReactChecksum.ForRoot(page.ReactRoot.InnerHtml));
    }

    [Fact]
    public void Counts_only_polylines_with_an_id()
    {
        Assert.Equal(4, HtmlDocument.Parse(CraftedPages.RoomPage(4)).PolylineWithIdCount);
    }

    [Fact]
    public void A_room_without_stroke_count_has_null_text()
    {
        var page = HtmlDocument.Parse("<html><body><div class=\"room\"></div></body></html>");
        Assert.Equal([new TopPageRoom(null, null)], page.Rooms);
    }
}
