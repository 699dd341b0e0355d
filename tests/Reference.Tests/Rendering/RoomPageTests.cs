using AngleSharp.Html.Parser;
using IsuBench.Reference.Rendering;
using static IsuBench.Tests.Reference.Rendering.SampleRooms;

namespace IsuBench.Tests.Reference.Rendering;

public sealed class RoomPageTests
{
    private const string Token = "feedfacefeedfacefeedfacefeedfacefeedfacefeedfacefeedfacefeedface";

    [Fact]
    public void Canvas_is_an_inline_svg_with_one_polyline_per_stroke_in_order()
    {
        var room = Room(4, "r", 3, Stroke(11, 4, (1, 1)), Stroke(12, 4, (2, 2), (3, 3)), Stroke(40, 4, (5, 6)));

        var document = new HtmlParser().ParseDocument(RoomPage.Render(room, Token));

        var canvas = document.QuerySelector("svg#canvas")!;
        Assert.Equal("0 0 1028 768", canvas.GetAttribute("viewBox"));
        Assert.Equal(["11", "12", "40"], document.QuerySelectorAll("polyline[id]").Select(p => p.Id));
        Assert.Equal(3, canvas.QuerySelectorAll("polyline").Length);
        Assert.Equal("2,2 3,3", document.GetElementById("12")!.GetAttribute("points"));
    }

    [Fact]
    public void Page_carries_its_token_room_id_and_watcher_count()
    {
        var document = new HtmlParser().ParseDocument(RoomPage.Render(Room(4, "r", 0), Token));

        Assert.Equal(Token, document.DocumentElement.GetAttribute("data-csrf-token"));
        Assert.Equal("4", document.QuerySelector("main")!.GetAttribute("data-room-id"));
        Assert.Equal("3", document.QuerySelector(".watcher_count")!.TextContent);
        Assert.Equal("room", document.Body!.GetAttribute("data-page"));
    }

    [Fact]
    public void Room_name_is_escaped_in_heading_and_title()
    {
        const string name = "<svg onload=alert(1)><polyline id=\"666\"/>";

        var document = new HtmlParser().ParseDocument(RoomPage.Render(Room(4, name, 0), Token));

        Assert.Equal(name, document.QuerySelector("h1")!.TextContent);
        Assert.StartsWith(name, document.Title);
        Assert.Single(document.QuerySelectorAll("svg"));
        Assert.Empty(document.QuerySelectorAll("polyline"));
    }
}
