using System.Net;
using System.Text;
using System.Text.Json;
using IsuBench.Reference.Hosting;

namespace IsuBench.Integration.Reference;

/// <summary>Every kind of bad input gets a 4xx JSON error (never a 500) and writes nothing.</summary>
public abstract class BadInputTests(BadInputTests.Fixture server)
{
    /// <summary>A valid token owning a room that already has a stroke, so only the input decides.</summary>
    public abstract class Fixture(string profile) : ReferenceServer(profile)
    {
        public string Token { get; private set; } = "";
        public long RoomId { get; private set; }

        protected override async Task SeedAsync()
        {
            Token = await Api.CreateTokenAsync();
            RoomId = (await Api.CreateRoomAsync(Token)).GetProperty("id").GetInt64();
            await Api.PostStrokeAsync(Token, RoomId);
        }
    }

    private const string Valid = """{"name":"a","canvas_width":10,"canvas_height":10}""";

    public static TheoryData<string> BadRoomBodies() =>
    [
        """{"name":""", "", "[]", "\"room\"", "null", "42", "{}",
        """{"name":5,"canvas_width":10,"canvas_height":10}""",
        """{"name":null,"canvas_width":10,"canvas_height":10}""",
        """{"name":["a"],"canvas_width":10,"canvas_height":10}""",
        """{"name":"a","canvas_width":"10","canvas_height":10}""",
        """{"name":"a","canvas_width":10.5,"canvas_height":10}""",
        """{"name":"a","canvas_width":null,"canvas_height":10}""",
        """{"name":"a","canvas_width":true,"canvas_height":10}""",
        """{"canvas_width":10,"canvas_height":10}""",
        """{"name":"a","canvas_height":10}""",
        """{"name":"a","canvas_width":10}""",
        """{"name":"","canvas_width":10,"canvas_height":10}""",
        "{\"name\":\"" + new string('a', 256) + "\",\"canvas_width\":10,\"canvas_height\":10}",
        """{"name":"bell\u0007","canvas_width":10,"canvas_height":10}""",
        """{"name":"two\nlines","canvas_width":10,"canvas_height":10}""",
        """{"name":"half \ud800 pair","canvas_width":10,"canvas_height":10}""",
        """{"name":"a","canvas_width":0,"canvas_height":10}""",
        """{"name":"a","canvas_width":10,"canvas_height":0}""",
        """{"name":"a","canvas_width":-1,"canvas_height":10}""",
        """{"name":"a","canvas_width":10001,"canvas_height":10}""",
        """{"name":"a","canvas_width":10,"canvas_height":4294967296}""",
        """{"name":"a","canvas_width":10,"canvas_height":1e400}""",
        """{"name":[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]],"canvas_width":10,"canvas_height":10}""",
        """{"name":"a","canvas_width":10,"canvas_height":10""",
    ];

    [Theory]
    [MemberData(nameof(BadRoomBodies))]
    public async Task A_bad_room_body_is_400_and_creates_nothing(string body)
    {
        var before = await server.CountRowsAsync();
        using var response = await server.Api.SendAsync(HttpMethod.Post, "/api/rooms", server.Token, body);
        await IsuketchClient.AssertErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await server.CountRowsAsync());
    }

    public static TheoryData<string> BadStrokeBodies() =>
    [
        """{"width":""", "", "[]", "null", "{}",
        """{"width":"10","red":1,"green":2,"blue":3,"alpha":0.5,"points":[{"x":1,"y":2}]}""",
        """{"width":10,"red":1.5,"green":2,"blue":3,"alpha":0.5,"points":[{"x":1,"y":2}]}""",
        """{"width":10,"red":1,"green":2,"blue":3,"alpha":"0.5","points":[{"x":1,"y":2}]}""",
        """{"width":10,"red":1,"green":2,"blue":3,"alpha":0.5,"points":{}}""",
        """{"width":10,"red":1,"green":2,"blue":3,"alpha":0.5,"points":[1,2]}""",
        """{"width":10,"red":1,"green":2,"blue":3,"alpha":0.5,"points":[null]}""",
        """{"width":10,"red":1,"green":2,"blue":3,"alpha":0.5,"points":[{"x":"1","y":2}]}""",
        """{"width":10,"red":1,"green":2,"blue":3,"alpha":0.5,"points":[{"x":1}]}""",
        """{"width":10,"red":1,"green":2,"blue":3,"alpha":0.5,"points":[{"x":1,"y":2},{"x":1,"y":null}]}""",
        """{"red":1,"green":2,"blue":3,"alpha":0.5,"points":[{"x":1,"y":2}]}""",
        """{"width":10,"green":2,"blue":3,"alpha":0.5,"points":[{"x":1,"y":2}]}""",
        """{"width":10,"red":1,"blue":3,"alpha":0.5,"points":[{"x":1,"y":2}]}""",
        """{"width":10,"red":1,"green":2,"alpha":0.5,"points":[{"x":1,"y":2}]}""",
        """{"width":10,"red":1,"green":2,"blue":3,"points":[{"x":1,"y":2}]}""",
        """{"width":10,"red":1,"green":2,"blue":3,"alpha":0.5}""",
        """{"width":0,"red":1,"green":2,"blue":3,"alpha":0.5,"points":[{"x":1,"y":2}]}""",
        """{"width":256,"red":1,"green":2,"blue":3,"alpha":0.5,"points":[{"x":1,"y":2}]}""",
        """{"width":-1,"red":1,"green":2,"blue":3,"alpha":0.5,"points":[{"x":1,"y":2}]}""",
        """{"width":10,"red":-1,"green":2,"blue":3,"alpha":0.5,"points":[{"x":1,"y":2}]}""",
        """{"width":10,"red":256,"green":2,"blue":3,"alpha":0.5,"points":[{"x":1,"y":2}]}""",
        """{"width":10,"red":1,"green":256,"blue":3,"alpha":0.5,"points":[{"x":1,"y":2}]}""",
        """{"width":10,"red":1,"green":2,"blue":256,"alpha":0.5,"points":[{"x":1,"y":2}]}""",
        """{"width":10,"red":1,"green":2,"blue":3,"alpha":-0.1,"points":[{"x":1,"y":2}]}""",
        """{"width":10,"red":1,"green":2,"blue":3,"alpha":1.01,"points":[{"x":1,"y":2}]}""",
        """{"width":10,"red":1,"green":2,"blue":3,"alpha":0.5,"points":[]}""",
        """{"width":10,"red":1,"green":2,"blue":3,"alpha":0.5,"points":[{"x":1000000,"y":2}]}""",
        """{"width":10,"red":1,"green":2,"blue":3,"alpha":0.5,"points":[{"x":1,"y":-1000000}]}""",
        """{"width":10,"red":1,"green":2,"blue":3,"alpha":0.5,"points":[{"x":999999.99999,"y":2}]}""",
        """{"width":10,"red":1,"green":2,"blue":3,"alpha":0.5,"points":[{"x":1e400,"y":2}]}""",
        """{"width":10,"red":1,"green":2,"blue":3,"alpha":0.5,"points":[{"x":NaN,"y":2}]}""",
    ];

    [Theory]
    [MemberData(nameof(BadStrokeBodies))]
    public async Task A_bad_stroke_body_is_400_and_stores_nothing(string body)
    {
        var before = await server.CountRowsAsync();
        using var response = await server.Api.SendAsync(HttpMethod.Post, $"/api/strokes/rooms/{server.RoomId}", server.Token, body);
        await IsuketchClient.AssertErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await server.CountRowsAsync());
    }

    [Fact]
    public async Task Values_at_the_limits_are_accepted()
    {
        var name = string.Concat(Enumerable.Repeat("🪑", 255));
        using (var response = await server.Api.SendAsync(HttpMethod.Post, "/api/rooms", server.Token,
                   JsonSerializer.Serialize(new { name, canvas_width = 10000, canvas_height = 1 })))
        {
            var room = (await IsuketchClient.ReadJsonAsync(response, HttpStatusCode.OK)).GetProperty("room");
            Assert.Equal(name, room.GetProperty("name").GetString());
        }
        var stroke = await server.Api.PostStrokeAsync(server.Token, server.RoomId, [(999999.9999, -999999.9999), (0, 0)],
            width: 255, red: 0, green: 255, blue: 0, alpha: 1);
        Assert.Equal(999999.9999, stroke.GetProperty("points")[0].GetProperty("x").GetDouble());
        Assert.Equal(-999999.9999, stroke.GetProperty("points")[0].GetProperty("y").GetDouble());
        stroke = await server.Api.PostStrokeAsync(server.Token, server.RoomId, [(1, 1)], alpha: 0);
        Assert.Equal(0, stroke.GetProperty("alpha").GetDouble());
    }

    [Fact]
    public async Task A_stroke_of_100000_points_is_refused_as_too_large()
    {
        var before = await server.CountRowsAsync();
        using var response = await server.Api.SendAsync(HttpMethod.Post, $"/api/strokes/rooms/{server.RoomId}", server.Token, Points(100_000));
        await IsuketchClient.AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await server.CountRowsAsync());
    }

    [Theory]
    [InlineData("/api/rooms", false)]
    [InlineData("/api/rooms", true)]
    [InlineData("/api/strokes/rooms/{room}", false)]
    [InlineData("/api/strokes/rooms/{room}", true)]
    public async Task A_ten_megabyte_body_is_413(string path, bool chunked)
    {
        var before = await server.CountRowsAsync();
        var body = "{\"name\":\"" + new string('a', 10 * 1024 * 1024) + "\",\"canvas_width\":10,\"canvas_height\":10}";
        using var request = new HttpRequestMessage(HttpMethod.Post, path.Replace("{room}", server.RoomId.ToString()));
        request.Headers.Add("x-csrf-token", server.Token);
        request.Content = chunked
            ? new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)))
            : new StringContent(body, Encoding.UTF8, "application/json");
        if (chunked) request.Headers.TransferEncodingChunked = true;
        using var response = await server.Api.Http.SendAsync(request);
        await IsuketchClient.AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await server.CountRowsAsync());
    }

    [Theory]
    [InlineData("GET", "/api/nothing", 404)]
    [InlineData("GET", "/api", 404)]
    [InlineData("GET", "/api/rooms/1/extra", 404)]
    [InlineData("POST", "/api/csrf_token/x", 404)]
    [InlineData("GET", "/api/stream/rooms", 404)]
    [InlineData("POST", "/api/strokes/rooms/abc", 404)]
    [InlineData("POST", "/api/strokes/rooms/0", 404)]
    [InlineData("POST", "/api/strokes/rooms/-5", 404)]
    [InlineData("POST", "/api/strokes/rooms/99999999999999999999", 404)]
    [InlineData("POST", "/api/strokes/rooms/987654321", 404)]
    [InlineData("GET", "/api/csrf_token", 405)]
    [InlineData("PATCH", "/api/csrf_token", 405)]
    [InlineData("DELETE", "/api/rooms", 405)]
    [InlineData("PUT", "/api/rooms/1", 405)]
    [InlineData("GET", "/api/strokes/rooms/1", 405)]
    [InlineData("POST", "/api/stream/rooms/1", 405)]
    public async Task Unknown_routes_ids_and_wrong_methods_get_json_404_or_405(string method, string path, int status)
    {
        var before = await server.CountRowsAsync();
        using var response = await server.Api.SendAsync(new HttpMethod(method), path, server.Token, method == "GET" ? null : Valid);
        await IsuketchClient.AssertErrorAsync(response, (HttpStatusCode)status);
        Assert.Equal(before, await server.CountRowsAsync());
    }

    [Theory]
    [InlineData("/api/rooms")]
    [InlineData("/api/strokes/rooms/{room}")]
    public async Task A_missing_or_unknown_token_is_400_and_writes_nothing(string path)
    {
        path = path.Replace("{room}", server.RoomId.ToString());
        var before = await server.CountRowsAsync();
        var body = path == "/api/rooms" ? Valid : IsuketchClient.StrokeBody([(1, 1)]);
        foreach (var token in new string?[] { null, "", "x", new string('f', 64), new string('f', 65) })
        {
            using var response = await server.Api.SendAsync(HttpMethod.Post, path, token, body);
            await IsuketchClient.AssertErrorAsync(response, HttpStatusCode.BadRequest);
        }
        Assert.Equal(before, await server.CountRowsAsync());
    }

    /// <summary>A stroke body of <paramref name="count"/> points.</summary>
    internal static string Points(int count) =>
        IsuketchClient.StrokeBody(Enumerable.Range(0, count).Select(i => ((double)(i % 1000), (double)(i / 1000))).ToList());
}

/// <summary>BadInputTests against the baseline store.</summary>
public sealed class BadInputTestsOnBaseline(BadInputTestsOnBaseline.BaselineFixture server) : BadInputTests(server), IClassFixture<BadInputTestsOnBaseline.BaselineFixture>
{
    /// <summary>The seeded rooms on a baseline server.</summary>
    public sealed class BaselineFixture() : Fixture(ReferenceOptions.BaselineProfile);
}

/// <summary>BadInputTests against the tuned store.</summary>
public sealed class BadInputTestsOnTuned(BadInputTestsOnTuned.TunedFixture server) : BadInputTests(server), IClassFixture<BadInputTestsOnTuned.TunedFixture>
{
    /// <summary>The seeded rooms on a tuned server.</summary>
    public sealed class TunedFixture() : Fixture(ReferenceOptions.TunedProfile);
}
