using System.Globalization;
using System.Net;
using System.Text.Json;

namespace IsuBench.Integration.Reference;

public abstract class RoomEndpointTests(ReferenceServer server)
{
    [Fact]
    public async Task A_created_room_is_returned_stored_owned_and_readable()
    {
        var token = await server.Api.CreateTokenAsync();
        var sent = DateTime.UtcNow;
        var room = await server.Api.CreateRoomAsync(token, "ひたすら椅子を描く部屋", 1028, 768);
        var received = DateTime.UtcNow;

        var id = room.GetProperty("id").GetInt64();
        Assert.True(id > 0);
        Assert.Equal("ひたすら椅子を描く部屋", room.GetProperty("name").GetString());
        Assert.Equal(1028, room.GetProperty("canvas_width").GetInt32());
        Assert.Equal(768, room.GetProperty("canvas_height").GetInt32());
        Assert.Equal(0, room.GetProperty("strokes").GetArrayLength());
        Assert.Equal(0, room.GetProperty("stroke_count").GetInt32());
        Assert.Equal(0, room.GetProperty("watcher_count").GetInt32());
        var createdText = room.GetProperty("created_at").GetString()!;
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", createdText);
        var created = DateTime.Parse(createdText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        Assert.InRange(created, sent.AddMilliseconds(-500), received.AddMilliseconds(500));

        var tokenId = await server.ScalarAsync("SELECT id FROM tokens WHERE csrf_token = @t", ("@t", token));
        Assert.Equal(1L, Convert.ToInt64(await server.ScalarAsync(
            "SELECT COUNT(*) FROM room_owners WHERE room_id = @r AND token_id = @t", ("@r", id), ("@t", tokenId))));
        var stored = (DateTime)(await server.ScalarAsync("SELECT created_at FROM rooms WHERE id = @r", ("@r", id)))!;
        Assert.Equal(created, DateTime.SpecifyKind(stored, DateTimeKind.Utc));

        var read = (await server.Api.GetJsonAsync($"/api/rooms/{id}")).GetProperty("room");
        Assert.Equal(room.GetRawText(), read.GetRawText());
    }

    [Fact]
    public async Task A_room_returns_all_strokes_and_points_in_id_order()
    {
        var token = await server.Api.CreateTokenAsync();
        var id = (await server.Api.CreateRoomAsync(token)).GetProperty("id").GetInt64();
        var posted = new List<JsonElement>();
        for (var i = 0; i < 3; i++)
            posted.Add(await server.Api.PostStrokeAsync(token, id, [(i, 1), (i + 0.5, 2), (i + 0.25, 3)]));

        var room = (await server.Api.GetJsonAsync($"/api/rooms/{id}")).GetProperty("room");
        var strokes = room.GetProperty("strokes").EnumerateArray().ToList();
        Assert.Equal(3, room.GetProperty("stroke_count").GetInt32());
        Assert.Equal(posted.Select(s => s.GetRawText()), strokes.Select(s => s.GetRawText()));
        Assert.Equal(strokes.Select(s => s.GetProperty("id").GetInt64()).Order(), strokes.Select(s => s.GetProperty("id").GetInt64()));
        foreach (var stroke in strokes)
        {
            var pointIds = stroke.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).ToList();
            Assert.Equal(pointIds.Order(), pointIds);
            Assert.All(stroke.GetProperty("points").EnumerateArray(),
                p => Assert.Equal(stroke.GetProperty("id").GetInt64(), p.GetProperty("stroke_id").GetInt64()));
        }
    }

    [Theory]
    [InlineData("999999999")]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    [InlineData("%20")]
    public async Task An_unknown_or_malformed_room_id_is_404(string id)
    {
        using var response = await server.Api.Http.GetAsync($"/api/rooms/{id}");
        await IsuketchClient.AssertErrorAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Watcher_count_counts_heartbeats_younger_than_three_seconds()
    {
        var token = await server.Api.CreateTokenAsync();
        var id = (await server.Api.CreateRoomAsync(token)).GetProperty("id").GetInt64();
        for (var tokenId = 9_000_001; tokenId <= 9_000_004; tokenId++)
        {
            await server.ExecuteSqlAsync(
                "INSERT INTO room_watchers (room_id, token_id, created_at, updated_at) VALUES (@r, @t, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
                ("@r", id), ("@t", tokenId));
        }
        await server.AfterDirectSqlAsync();
        Assert.Equal(4, await WatcherCountAsync(id));

        await server.ExecuteSqlAsync("UPDATE room_watchers SET updated_at = UTC_TIMESTAMP(6) - INTERVAL 2 SECOND WHERE room_id = @r AND token_id = 9000001", ("@r", id));
        await server.AfterDirectSqlAsync();
        Assert.Equal(4, await WatcherCountAsync(id));
        await server.ExecuteSqlAsync("UPDATE room_watchers SET updated_at = UTC_TIMESTAMP(6) - INTERVAL 4 SECOND WHERE room_id = @r AND token_id IN (9000002, 9000003)", ("@r", id));
        await server.AfterDirectSqlAsync();
        Assert.Equal(2, await WatcherCountAsync(id));

        // A live stream adds its own heartbeat.
        var stream = await SseSession.ReadAsync(server.Api.Http, id.ToString(), token, stopWhen: events => events.Count >= 1);
        Assert.Equal(new ReceivedEvent("watcher_count", "3", null), stream.Events[0]);
        Assert.Equal(3, await WatcherCountAsync(id));
    }

    private async Task<int> WatcherCountAsync(long roomId) =>
        (await server.Api.GetJsonAsync($"/api/rooms/{roomId}")).GetProperty("room").GetProperty("watcher_count").GetInt32();
}

/// <summary>RoomEndpointTests against the baseline store.</summary>
public sealed class RoomEndpointTestsOnBaseline(BaselineServer server) : RoomEndpointTests(server), IClassFixture<BaselineServer>;

/// <summary>RoomEndpointTests against the tuned store.</summary>
public sealed class RoomEndpointTestsOnTuned(TunedServer server) : RoomEndpointTests(server), IClassFixture<TunedServer>;
