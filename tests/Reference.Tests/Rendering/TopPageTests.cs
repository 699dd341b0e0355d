using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using IsuBench.Reference.Json;
using IsuBench.Reference.Rendering;
using static IsuBench.Tests.Reference.Rendering.SampleRooms;

namespace IsuBench.Tests.Reference.Rendering;

public sealed class TopPageTests
{
    private const string Token = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static JsonElement AsyncProps(IDocument document)
    {
        var script = document.Body!.QuerySelector("script")!;
        const string prefix = "__ASYNC_PROPS__ = ";
        Assert.StartsWith(prefix, script.TextContent);
        return JsonDocument.Parse(script.TextContent[prefix.Length..]).RootElement;
    }

    [Fact]
    public void Html_element_carries_the_csrf_token()
    {
        var document = Parse(TopPage.Render([], Token));

        Assert.Equal(Token, document.DocumentElement.GetAttribute("data-csrf-token"));
    }

    [Fact]
    public void Lists_every_room_in_the_given_order_with_its_count_and_thumbnail()
    {
        var rooms = new[] { Room(30, "a", 41), Room(2, "b", 1), Room(1000, "c", 7) };

        var elements = Parse(TopPage.Render(rooms, Token)).QuerySelectorAll(".room");

        Assert.Equal(["30", "2", "1000"], elements.Select(e => e.Id));
        Assert.Equal(["41", "1", "7"], elements.Select(e => e.QuerySelector(".stroke_count")!.TextContent));
        Assert.Equal(["/img/30", "/img/2", "/img/1000"], elements.Select(e => e.QuerySelector("img")!.GetAttribute("src")));
        Assert.All(elements, e => Assert.Single(e.QuerySelectorAll(".stroke_count")));
    }

    [Fact]
    public void First_body_script_holds_one_props_object_with_the_rooms_and_the_page_token()
    {
        var rooms = new[] { Room(30, "a", 41), Room(2, "b", 1) };

        var props = AsyncProps(Parse(TopPage.Render(rooms, Token)));

        var only = Assert.Single(props.EnumerateArray());
        Assert.Equal(Token, only.GetProperty("csrfToken").GetString());
        var listed = only.GetProperty("rooms").EnumerateArray().ToList();
        Assert.Equal([30L, 2L], listed.Select(r => r.GetProperty("id").GetInt64()));
        Assert.Equal([41, 1], listed.Select(r => r.GetProperty("stroke_count").GetInt32()));
    }

    [Fact]
    public void Props_rooms_have_exactly_the_api_shape()
    {
        var room = Room(30, "a", 41);

        var listed = AsyncProps(Parse(TopPage.Render([room], Token)))[0].GetProperty("rooms")[0];

        var api = JsonDocument.Parse(JsonSerializer.Serialize(room, ApiJson.Options)).RootElement;
        Assert.Equal(api.ToString(), listed.ToString());
        Assert.Equal(
            ["id", "name", "canvas_width", "canvas_height", "created_at", "strokes", "stroke_count", "watcher_count"],
            listed.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Hostile_room_name_is_text_in_the_markup_and_intact_in_the_props()
    {
        const string name = "</script><script>alert(1)</script><img src=x onerror=\"y\">&amp;'椅子";

        var document = Parse(TopPage.Render([Room(5, name, 1)], Token));

        Assert.Single(document.Body!.QuerySelectorAll("script"));
        Assert.Single(document.QuerySelectorAll("img"));
        Assert.Equal(name, document.QuerySelector(".room-name")!.TextContent);
        Assert.Equal(name, document.QuerySelector(".room img")!.GetAttribute("alt"));
        Assert.Equal(name, AsyncProps(document)[0].GetProperty("rooms")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Page_links_the_static_files()
    {
        var document = Parse(TopPage.Render([], Token));

        Assert.Equal(
            ["/css/sanitize.css", "/css/rc-color-picker.css"],
            document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")));
        Assert.NotNull(document.Head!.QuerySelector("script[src='/bundle.js']"));
        Assert.NotNull(document.QuerySelector("form#create-room-form"));
    }
}
