using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using IsuBench.Checks.Documents;
using IsuBench.Integration.Reference;
using IsuBench.Reference.Hosting;

namespace IsuBench.Integration.Pages;

/// <summary>The HTML pages, SVG thumbnails and static files of the reference server on real MariaDB, checked against its API.</summary>
public abstract class PageEndpointTests(PageEndpointTests.Fixture server)
{
    /// <summary>Three rooms with strokes (one with a hostile name), and one room without strokes.</summary>
    public abstract class Fixture(string profile) : ReferenceServer(profile)
    {
        public const string HostileName = "</script><img src=x onerror=alert(1)>&amp;\"椅子'";
        public List<long> DrawnRooms { get; } = [];
        public long EmptyRoom { get; private set; }

        protected override async Task SeedAsync()
        {
            var token = await Api.CreateTokenAsync();
            foreach (var name in new[] { "first", HostileName, "third" })
            {
                var id = (await Api.CreateRoomAsync(token, name, 400, 300)).GetProperty("id").GetInt64();
                await Api.PostStrokeAsync(token, id, [(1.5, 2.5), (100.25, 20.75), (-3, 299.9999)]);
                await Api.PostStrokeAsync(token, id, [(7, 8)], width: 30, red: 1, green: 2, blue: 3, alpha: 0.5);
                DrawnRooms.Add(id);
            }
            EmptyRoom = (await Api.CreateRoomAsync(token, "empty")).GetProperty("id").GetInt64();
        }
    }

    private static IDocument ParseHtml(string html) => new HtmlParser().ParseDocument(html);

    private async Task<(HttpResponseMessage Response, string Text)> GetAsync(string path)
    {
        var response = await server.Api.Http.GetAsync(path);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private async Task<IDocument> GetPageAsync(string path)
    {
        var (response, text) = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return ParseHtml(text);
    }

    private static JsonElement AsyncProps(IDocument document)
    {
        const string prefix = "__ASYNC_PROPS__ = ";
        var script = document.Body!.QuerySelector("script")!.TextContent;
        Assert.StartsWith(prefix, script);
        using var json = JsonDocument.Parse(script[prefix.Length..]);
        return Assert.Single(json.RootElement.Clone().EnumerateArray());
    }

    [Fact]
    public async Task Top_page_lists_the_api_s_rooms_in_order_with_counts_thumbnails_and_props()
    {
        var apiRooms = (await server.Api.GetJsonAsync("/api/rooms")).GetProperty("rooms").EnumerateArray().ToList();
        var document = await GetPageAsync("/");

        var ids = apiRooms.Select(r => r.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture)).ToList();
        var elements = document.QuerySelectorAll(".room");
        Assert.Equal(server.DrawnRooms.AsEnumerable().Reverse().Select(id => id.ToString(CultureInfo.InvariantCulture)), ids);
        Assert.Equal(ids, elements.Select(e => e.Id));
        Assert.Equal(apiRooms.Select(r => r.GetProperty("stroke_count").GetInt32().ToString(CultureInfo.InvariantCulture)),
            elements.Select(e => e.QuerySelector(".stroke_count")!.TextContent));
        Assert.Equal(ids.Select(id => $"/img/{id}"), elements.Select(e => e.QuerySelector("img")!.GetAttribute("src")));

        var props = AsyncProps(document);
        Assert.Equal(document.DocumentElement.GetAttribute("data-csrf-token"), props.GetProperty("csrfToken").GetString());
        Assert.Equal(apiRooms.Select(r => r.GetRawText()), props.GetProperty("rooms").EnumerateArray().Select(r => r.GetRawText()));
    }

    [Fact]
    public async Task Every_page_view_stores_a_fresh_token_the_api_accepts()
    {
        var before = (await server.CountRowsAsync()).Tokens;

        var top = (await GetPageAsync("/")).DocumentElement.GetAttribute("data-csrf-token")!;
        var room = (await GetPageAsync($"/rooms/{server.DrawnRooms[0]}")).DocumentElement.GetAttribute("data-csrf-token")!;

        Assert.Equal(before + 2, (await server.CountRowsAsync()).Tokens);
        Assert.NotEqual(top, room);
        Assert.Matches("^[0-9a-f]{64}$", top);
        var created = await server.Api.CreateRoomAsync(room, "made with a page token");
        Assert.True(created.GetProperty("id").GetInt64() > 0);
    }

    [Fact]
    public async Task Room_page_holds_one_polyline_per_stroke_of_the_api()
    {
        var roomId = server.DrawnRooms[1];
        var apiStrokes = (await server.Api.GetJsonAsync($"/api/rooms/{roomId}")).GetProperty("room").GetProperty("strokes").EnumerateArray().ToList();

        var document = await GetPageAsync($"/rooms/{roomId}");

        Assert.Equal(2, apiStrokes.Count);
        Assert.Equal(apiStrokes.Select(s => s.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture)),
            document.QuerySelectorAll("svg polyline[id]").Select(p => p.Id));
        Assert.Equal(Fixture.HostileName, document.QuerySelector("h1")!.TextContent);
        Assert.Empty(document.QuerySelectorAll("img"));
    }

    [Fact]
    public async Task Hostile_room_name_stays_text_on_the_top_page()
    {
        var document = await GetPageAsync("/");

        var room = document.QuerySelectorAll(".room").Single(e => e.Id == server.DrawnRooms[1].ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Fixture.HostileName, room.QuerySelector(".room-name")!.TextContent);
        Assert.Single(document.Body!.QuerySelectorAll("script"));
        Assert.Equal(server.DrawnRooms.Count, document.QuerySelectorAll("img").Length);
    }

    [Fact]
    public async Task Image_is_an_svg_1_1_document_with_the_stored_strokes()
    {
        var roomId = server.DrawnRooms[0];
        var apiStrokes = (await server.Api.GetJsonAsync($"/api/rooms/{roomId}")).GetProperty("room").GetProperty("strokes").EnumerateArray().ToList();

        var (response, text) = await GetAsync($"/img/{roomId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<?xml ", text);
        Assert.Contains("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\"", text);
        using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var svg = XDocument.Load(reader).Root!;
        Assert.Equal(("400", "300", "0 0 400 300"),
            (svg.Attribute("width")?.Value, svg.Attribute("height")?.Value, svg.Attribute("viewBox")?.Value));
        var polylines = svg.Elements(svg.Name.Namespace + "polyline").ToList();
        Assert.Equal(apiStrokes.Count, polylines.Count);
        foreach (var (stroke, polyline) in apiStrokes.Zip(polylines))
        {
            Assert.Equal(stroke.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture), polyline.Attribute("id")?.Value);
            Assert.Equal($"rgba({stroke.GetProperty("red")},{stroke.GetProperty("green")},{stroke.GetProperty("blue")},{stroke.GetProperty("alpha")})",
                polyline.Attribute("stroke")?.Value);
            Assert.Equal(stroke.GetProperty("width").ToString(), polyline.Attribute("stroke-width")?.Value);
            var sent = stroke.GetProperty("points").EnumerateArray().Select(p => (p.GetProperty("x").GetDouble(), p.GetProperty("y").GetDouble())).ToList();
            var drawn = polyline.Attribute("points")!.Value.Split(' ').Select(pair => pair.Split(','))
                .Select(xy => (double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture))).ToList();
            Assert.Equal(sent.Count, drawn.Count);
            Assert.All(sent.Zip(drawn), pair =>
            {
                Assert.InRange(Math.Abs(pair.First.Item1 - pair.Second.Item1), 0, 0.1);
                Assert.InRange(Math.Abs(pair.First.Item2 - pair.Second.Item2), 0, 0.1);
            });
        }
    }

    [Fact]
    public async Task A_room_without_strokes_has_an_empty_canvas_and_is_not_listed()
    {
        var top = await GetPageAsync("/");
        var page = await GetPageAsync($"/rooms/{server.EmptyRoom}");
        var (image, text) = await GetAsync($"/img/{server.EmptyRoom}");

        Assert.DoesNotContain(server.EmptyRoom.ToString(CultureInfo.InvariantCulture), top.QuerySelectorAll(".room").Select(e => e.Id));
        Assert.NotNull(page.QuerySelector("svg#canvas"));
        Assert.Empty(page.QuerySelectorAll("polyline"));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.DoesNotContain("<polyline", text);
    }

    [Theory]
    [InlineData("/rooms/987654321")]
    [InlineData("/rooms/abc")]
    [InlineData("/rooms/-1")]
    [InlineData("/rooms/99999999999999999999")]
    [InlineData("/img/987654321")]
    [InlineData("/img/abc")]
    public async Task Unknown_room_pages_and_images_are_404_and_write_nothing(string path)
    {
        var before = await server.CountRowsAsync();

        var (response, _) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await server.CountRowsAsync());
    }

    [Fact]
    public async Task Static_files_are_served_from_the_assembly_matching_the_shipped_manifest()
    {
        var manifest = await server.Api.Http.GetFromJsonAsync<Dictionary<string, string>>("/assets-manifest.json");

        Assert.NotNull(manifest);
        Assert.Equal(["/bundle.js", "/css/rc-color-picker.css", "/css/sanitize.css", "/favicon.ico"], manifest.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, md5) in manifest)
        {
            using var response = await server.Api.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(md5, Convert.ToHexStringLower(MD5.HashData(await response.Content.ReadAsByteArrayAsync())));
        }
    }
}

/// <summary>PageEndpointTests against the baseline store.</summary>
public sealed class PageEndpointTestsOnBaseline(PageEndpointTestsOnBaseline.BaselineFixture server) : PageEndpointTests(server), IClassFixture<PageEndpointTestsOnBaseline.BaselineFixture>
{
    /// <summary>The seeded rooms on a baseline server.</summary>
    public sealed class BaselineFixture() : Fixture(ReferenceOptions.BaselineProfile);
}

/// <summary>PageEndpointTests against the tuned store.</summary>
public sealed class PageEndpointTestsOnTuned(PageEndpointTestsOnTuned.TunedFixture server) : PageEndpointTests(server), IClassFixture<PageEndpointTestsOnTuned.TunedFixture>
{
    /// <summary>The seeded rooms on a tuned server.</summary>
    public sealed class TunedFixture() : Fixture(ReferenceOptions.TunedProfile);
}
