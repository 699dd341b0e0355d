using System.Globalization;
using System.Net;
using System.Text.Json;

namespace IsuBench.Integration.Reference;

public abstract class StrokeEndpointTests(ReferenceServer server)
{
    [Fact]
    public async Task The_stool_strokes_come_back_as_sent_within_a_tenth_with_microsecond_timestamps()
    {
        var token = await server.Api.CreateTokenAsync();
        var roomId = (await server.Api.CreateRoomAsync(token)).GetProperty("id").GetInt64();
        var random = new Random(42);
        var subSecondParts = new List<int>();
        foreach (var seed in SeedStrokes("stool"))
        {
            var points = seed.GetProperty("points").EnumerateArray()
                .Select(p => (p.GetProperty("x").GetDouble() + random.NextDouble() * 3 - 1.5, p.GetProperty("y").GetDouble() + random.NextDouble() * 3 - 1.5))
                .ToList();
            var sent = DateTime.UtcNow;
            var stroke = await server.Api.PostStrokeAsync(token, roomId, points, width: 12, red: 101, green: 150, blue: 199, alpha: 0.8);
            var received = DateTime.UtcNow;

            Assert.Equal(roomId, stroke.GetProperty("room_id").GetInt64());
            Assert.Equal((12, 101, 150, 199), (stroke.GetProperty("width").GetInt32(), stroke.GetProperty("red").GetInt32(),
                stroke.GetProperty("green").GetInt32(), stroke.GetProperty("blue").GetInt32()));
            Assert.Equal(0.8, stroke.GetProperty("alpha").GetDouble(), 6);
            var returned = stroke.GetProperty("points").EnumerateArray().ToList();
            Assert.Equal(points.Count, returned.Count);
            for (var i = 0; i < points.Count; i++)
            {
                Assert.InRange(returned[i].GetProperty("x").GetDouble(), points[i].Item1 - 0.1, points[i].Item1 + 0.1);
                Assert.InRange(returned[i].GetProperty("y").GetDouble(), points[i].Item2 - 0.1, points[i].Item2 + 0.1);
            }
            var createdText = stroke.GetProperty("created_at").GetString()!;
            Assert.Matches(@"\.\d{6}Z$", createdText);
            var created = DateTime.Parse(createdText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            Assert.InRange(created, sent.AddMilliseconds(-500), received.AddMilliseconds(500));
            subSecondParts.Add((int)(created.Ticks % TimeSpan.TicksPerSecond / 10));

            var stored = (DateTime)(await server.ScalarAsync("SELECT created_at FROM strokes WHERE id = @s", ("@s", stroke.GetProperty("id").GetInt64())))!;
            Assert.Equal(created, DateTime.SpecifyKind(stored, DateTimeKind.Utc));
        }
        // Seven strokes all landing on a whole second would mean sub-second time is lost.
        Assert.True(subSecondParts.Count(part => part != 0) >= 5);
    }

    [Fact]
    public async Task Only_the_owner_may_draw_the_first_stroke_then_anyone_may()
    {
        var owner = await server.Api.CreateTokenAsync();
        var other = await server.Api.CreateTokenAsync();
        var roomId = (await server.Api.CreateRoomAsync(owner)).GetProperty("id").GetInt64();
        var before = await server.CountRowsAsync();

        using (var response = await server.Api.SendAsync(HttpMethod.Post, $"/api/strokes/rooms/{roomId}", other, IsuketchClient.StrokeBody([(1, 1)])))
            await IsuketchClient.AssertErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await server.CountRowsAsync());

        await server.Api.PostStrokeAsync(owner, roomId);
        await server.Api.PostStrokeAsync(other, roomId);
        var room = (await server.Api.GetJsonAsync($"/api/rooms/{roomId}")).GetProperty("room");
        Assert.Equal(2, room.GetProperty("stroke_count").GetInt32());
    }

    [Fact]
    public async Task A_room_id_field_in_the_body_is_ignored()
    {
        var token = await server.Api.CreateTokenAsync();
        var roomId = (await server.Api.CreateRoomAsync(token)).GetProperty("id").GetInt64();
        var otherRoom = (await server.Api.CreateRoomAsync(token)).GetProperty("id").GetInt64();
        var body = JsonSerializer.Serialize(new { room_id = otherRoom, width = 5, red = 1, green = 2, blue = 3, alpha = 0.5, points = new[] { new { x = 1, y = 2 } } });
        using var response = await server.Api.SendAsync(HttpMethod.Post, $"/api/strokes/rooms/{roomId}", token, body);
        var stroke = (await IsuketchClient.ReadJsonAsync(response, HttpStatusCode.OK)).GetProperty("stroke");
        Assert.Equal(roomId, stroke.GetProperty("room_id").GetInt64());
        Assert.Equal(0, (await server.Api.GetJsonAsync($"/api/rooms/{otherRoom}")).GetProperty("room").GetProperty("stroke_count").GetInt32());
    }

    [Fact]
    public async Task The_token_is_checked_before_the_room_and_an_unknown_room_is_404()
    {
        var token = await server.Api.CreateTokenAsync();
        using (var response = await server.Api.SendAsync(HttpMethod.Post, "/api/strokes/rooms/987654321", token, IsuketchClient.StrokeBody([(1, 1)])))
            await IsuketchClient.AssertErrorAsync(response, HttpStatusCode.NotFound);
        using (var response = await server.Api.SendAsync(HttpMethod.Post, "/api/strokes/rooms/987654321", "nope", IsuketchClient.StrokeBody([(1, 1)])))
            await IsuketchClient.AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    /// <summary>The original stroke shapes, as the data assembly ships them.</summary>
    public static IReadOnlyList<JsonElement> SeedStrokes(string name)
    {
        using var stream = typeof(IsuBench.Data.SeedStrokes).Assembly.GetManifestResourceStream($"strokes.{name}.json")!;
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}

/// <summary>StrokeEndpointTests against the baseline store.</summary>
public sealed class StrokeEndpointTestsOnBaseline(BaselineServer server) : StrokeEndpointTests(server), IClassFixture<BaselineServer>;

/// <summary>StrokeEndpointTests against the tuned store.</summary>
public sealed class StrokeEndpointTestsOnTuned(TunedServer server) : StrokeEndpointTests(server), IClassFixture<TunedServer>;
