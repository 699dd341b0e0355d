using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using AngleSharp.Html.Parser;
using IsuBench.Reference.Domain;
using IsuBench.Reference.Endpoints;
using static IsuBench.Tests.Reference.Rendering.SampleRooms;

namespace IsuBench.Tests.Reference.Endpoints;

public sealed class PageEndpointsTests
{
    private static readonly Room Drawn = Room(3, "drawn", 2, Stroke(10, 3, (1, 2)), Stroke(11, 3, (3, 4), (5, 6)));

    private static InMemoryPageStore Store() =>
        new([Drawn with { Strokes = [] }], new Dictionary<long, Room> { [3] = Drawn });

    [Fact]
    public async Task Top_page_is_utf8_html_with_a_fresh_token_per_request()
    {
        var store = Store();
        await using var server = await PageServer.StartAsync(store);

        var first = await server.Client.GetAsync("/");
        var second = await server.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/html; charset=utf-8", first.Content.Headers.ContentType?.ToString());
        var tokens = new List<string?>();
        foreach (var response in new[] { first, second })
        {
            var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            tokens.Add(document.DocumentElement.GetAttribute("data-csrf-token"));
            Assert.Equal(["3"], document.QuerySelectorAll(".room").Select(e => e.Id));
        }
        Assert.NotEqual(tokens[0], tokens[1]);
        Assert.Equal(tokens.Order(), store.Tokens.Order());
    }

    [Fact]
    public async Task Room_page_shows_every_stroke_of_the_store_s_room()
    {
        await using var server = await PageServer.StartAsync(Store());

        var response = await server.Client.GetAsync("/rooms/3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(["10", "11"], document.QuerySelectorAll("svg polyline[id]").Select(p => p.Id));
    }

    [Theory]
    [InlineData("/rooms/4")]
    [InlineData("/rooms/abc")]
    [InlineData("/rooms/0")]
    [InlineData("/rooms/-3")]
    [InlineData("/rooms/99999999999999999999")]
    [InlineData("/rooms/3.0")]
    public async Task Unknown_or_malformed_room_page_is_404_and_creates_no_token(string path)
    {
        var store = Store();
        await using var server = await PageServer.StartAsync(store);

        var response = await server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Empty(store.Tokens);
    }

    [Fact]
    public async Task Image_is_svg_of_the_room_s_strokes()
    {
        await using var server = await PageServer.StartAsync(Store());

        var response = await server.Client.GetAsync("/img/3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<?xml", text);
        Assert.Contains("<polyline id=\"11\"", text);
    }

    [Theory]
    [InlineData("/img/4")]
    [InlineData("/img/x")]
    [InlineData("/img/18446744073709551616")]
    public async Task Unknown_image_is_a_404_json_error(string path)
    {
        await using var server = await PageServer.StartAsync(Store());

        var response = await server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
    }

    [Theory]
    [InlineData("/bundle.js", "text/javascript")]
    [InlineData("/css/sanitize.css", "text/css")]
    [InlineData("/css/rc-color-picker.css", "text/css")]
    [InlineData("/favicon.ico", "image/x-icon")]
    public async Task Static_files_are_served_with_the_manifest_s_bytes(string path, string mediaType)
    {
        await using var server = await PageServer.StartAsync(Store());

        var response = await server.Client.GetAsync(path);
        var manifest = await server.Client.GetFromJsonAsync<Dictionary<string, string>>("/" + StaticAssets.ManifestPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(manifest![path], Convert.ToHexStringLower(MD5.HashData(await response.Content.ReadAsByteArrayAsync())));
    }
}
