using System.Text.Json;

namespace IsuBench.Integration.Reference;

public abstract class StreamEndpointTests(ReferenceServer server)
{
    [Fact]
    public async Task The_stream_sends_retry_watcher_count_then_strokes_with_ids_in_the_contract_format()
    {
        var token = await server.Api.CreateTokenAsync();
        var roomId = (await server.Api.CreateRoomAsync(token)).GetProperty("id").GetInt64();
        var first = await server.Api.PostStrokeAsync(token, roomId);
        var second = await server.Api.PostStrokeAsync(token, roomId, [(3, 4)]);

        var firstBlock = $"id: {first.GetProperty("id").GetInt64()}\nevent: stroke\ndata: {first.GetRawText()}\n\n";
        var secondBlock = $"id: {second.GetProperty("id").GetInt64()}\nevent: stroke\ndata: {second.GetRawText()}\n\n";

        var raw = await SseSession.ReadRawAsync(server.Api.Http, roomId.ToString(), token,
            stopWhen: server.StreamsEndByThemselves ? null : text => text.Contains(secondBlock));

        Assert.StartsWith("retry: 500\n\nevent: watcher_count\ndata: 1\n\n", raw);
        Assert.Contains(firstBlock, raw);
        Assert.Contains(secondBlock, raw);
    }

    [Fact]
    public async Task A_parsed_stream_holds_every_stroke_once_in_order_and_baseline_ends_it_by_itself()
    {
        var token = await server.Api.CreateTokenAsync();
        var roomId = (await server.Api.CreateRoomAsync(token)).GetProperty("id").GetInt64();
        for (var i = 0; i < 3; i++) await server.Api.PostStrokeAsync(token, roomId, [(i, i), (i + 1, i + 2)]);
        var room = (await server.Api.GetJsonAsync($"/api/rooms/{roomId}")).GetProperty("room");

        var stream = await SseSession.ReadAsync(server.Api.Http, roomId.ToString(), token,
            stopWhen: server.StreamsEndByThemselves ? null : events => events.Count(e => e.Type == "stroke") >= 3);

        Assert.Equal("text/event-stream", stream.ContentType);
        Assert.Equal(TimeSpan.FromMilliseconds(500), stream.Retry);
        Assert.Equal(server.StreamsEndByThemselves, stream.EndedByServer);
        Assert.Equal(("watcher_count", "1"), (stream.Events[0].Type, stream.Events[0].Data));
        var strokes = stream.Events.Where(e => e.Type == "stroke").ToList();
        var expected = room.GetProperty("strokes").EnumerateArray().ToList();
        Assert.Equal(expected.Select(s => s.GetProperty("id").GetInt64().ToString()), strokes.Select(e => e.Id));
        Assert.Equal(expected.Select(s => s.GetRawText()), strokes.Select(e => e.Data));
    }

    [Fact]
    public async Task Resuming_after_Last_Event_ID_repeats_nothing_and_loses_nothing()
    {
        var token = await server.Api.CreateTokenAsync();
        var roomId = (await server.Api.CreateRoomAsync(token)).GetProperty("id").GetInt64();
        var posted = new List<long>();
        for (var i = 0; i < 3; i++) posted.Add((await server.Api.PostStrokeAsync(token, roomId)).GetProperty("id").GetInt64());

        // First connection resumes after the first stroke; a stroke posted while it is open arrives on it.
        var postedLive = false;
        var firstConnection = await SseSession.ReadAsync(server.Api.Http, roomId.ToString(), token, lastEventId: posted[0],
            onEvent: async events =>
            {
                if (postedLive || events.Count(e => e.Type == "stroke") < 2) return;
                postedLive = true;
                posted.Add((await server.Api.PostStrokeAsync(token, roomId)).GetProperty("id").GetInt64());
            },
            stopWhen: events => events.Count(e => e.Type == "stroke") >= 3);
        var received = firstConnection.Events.Where(e => e.Type == "stroke").Select(e => long.Parse(e.Id!)).ToList();
        Assert.Equal(posted.Skip(1), received);

        // Strokes posted between connections arrive on the next one, after the last id seen.
        for (var i = 0; i < 2; i++) posted.Add((await server.Api.PostStrokeAsync(token, roomId)).GetProperty("id").GetInt64());
        var secondConnection = await SseSession.ReadAsync(server.Api.Http, roomId.ToString(), token, lastEventId: received[^1],
            stopWhen: server.StreamsEndByThemselves ? null : events => events.Count(e => e.Type == "stroke") >= 2);
        received.AddRange(secondConnection.Events.Where(e => e.Type == "stroke").Select(e => long.Parse(e.Id!)));

        Assert.Equal(posted.Skip(1), received);
    }

    [Fact]
    public async Task Watcher_count_is_sent_again_when_it_changes()
    {
        var first = await server.Api.CreateTokenAsync();
        var second = await server.Api.CreateTokenAsync();
        var roomId = (await server.Api.CreateRoomAsync(first)).GetProperty("id").GetInt64();
        Task<SseTranscript>? other = null;

        var stream = await SseSession.ReadAsync(server.Api.Http, roomId.ToString(), first,
            onEvent: events =>
            {
                other ??= SseSession.ReadAsync(server.Api.Http, roomId.ToString(), second, stopWhen: e => e.Count >= 1);
                return Task.CompletedTask;
            },
            stopWhen: events => events.Any(e => e is { Type: "watcher_count", Data: "2" }));

        Assert.Equal(["1", "2"], stream.Events.Where(e => e.Type == "watcher_count").Select(e => e.Data));
        Assert.Equal("2", (await other!).Events[0].Data);
    }

    [Fact]
    public async Task An_open_stream_refreshes_its_heartbeat_on_every_poll()
    {
        var token = await server.Api.CreateTokenAsync();
        var roomId = (await server.Api.CreateRoomAsync(token)).GetProperty("id").GetInt64();
        var agedOnce = false;
        var waited = false;

        // Age the heartbeat right after the stream recorded it; only the stream's later polls can bring it back.
        var stream = await SseSession.ReadAsync(server.Api.Http, roomId.ToString(), token, onEvent: async _ =>
        {
            if (agedOnce) return;
            agedOnce = true;
            await server.ExecuteSqlAsync("UPDATE room_watchers SET updated_at = UTC_TIMESTAMP(6) - INTERVAL 10 SECOND WHERE room_id = @r", ("@r", roomId));
            // A tuned stream stays open: keep it connected until the row is younger again (or 10 s passed), then hang up.
            if (server.StreamsEndByThemselves) return;
            for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline && await HeartbeatAgeAsync(roomId) >= 9;)
                await Task.Delay(100);
            waited = true;
        }, stopWhen: _ => waited);

        Assert.Equal(server.StreamsEndByThemselves, stream.EndedByServer);
        Assert.InRange(await HeartbeatAgeAsync(roomId), -1, 9); // aged to 10 s, so anything younger was refreshed by a later poll
    }

    private async Task<double> HeartbeatAgeAsync(long roomId) => Convert.ToDouble(await server.ScalarAsync(
        "SELECT TIMESTAMPDIFF(MICROSECOND, updated_at, UTC_TIMESTAMP(6)) / 1e6 FROM room_watchers WHERE room_id = @r", ("@r", roomId)));

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("(none)")]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0")]
    public async Task A_bad_token_gets_one_bad_request_event(string tokenCase)
    {
        var token = tokenCase == "(none)" ? null : tokenCase;
        var owner = await server.Api.CreateTokenAsync();
        var roomId = (await server.Api.CreateRoomAsync(owner)).GetProperty("id").GetInt64();
        var before = await server.CountRowsAsync();

        var stream = await SseSession.ReadAsync(server.Api.Http, roomId.ToString(), token);

        Assert.Equal("text/event-stream", stream.ContentType);
        Assert.True(stream.EndedByServer);
        var only = Assert.Single(stream.Events);
        Assert.Equal("bad_request", only.Type);
        Assert.Contains("token", only.Data);
        // Tuned writes the heartbeats of earlier tests' streams in batches, so the watcher table as a whole may
        // still move: what this request must not have written is a watcher row for its room, or anything else.
        Assert.Equal(before with { RoomWatchers = 0 }, await server.CountRowsAsync() with { RoomWatchers = 0 });
        Assert.Equal(0L, Convert.ToInt64(await server.ScalarAsync("SELECT COUNT(*) FROM room_watchers WHERE room_id = @room", ("room", roomId))));
    }

    [Theory]
    [InlineData("987654321")]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    public async Task An_unknown_room_gets_one_bad_request_event_with_another_message(string room)
    {
        var token = await server.Api.CreateTokenAsync();
        var before = await server.CountRowsAsync();

        var stream = await SseSession.ReadAsync(server.Api.Http, room, token);

        var only = Assert.Single(stream.Events);
        Assert.Equal("bad_request", only.Type);
        Assert.Contains("room", only.Data);
        Assert.DoesNotContain("token", only.Data);
        Assert.Equal(before, await server.CountRowsAsync());
    }

    [Fact]
    public async Task Stroke_event_data_is_the_stroke_object_with_points()
    {
        var token = await server.Api.CreateTokenAsync();
        var roomId = (await server.Api.CreateRoomAsync(token)).GetProperty("id").GetInt64();
        await server.Api.PostStrokeAsync(token, roomId, [(1.25, 2.5), (3, 4)], width: 7, red: 1, green: 2, blue: 3, alpha: 0.5);

        var stream = await SseSession.ReadAsync(server.Api.Http, roomId.ToString(), token, stopWhen: e => e.Any(x => x.Type == "stroke"));

        using var stroke = JsonDocument.Parse(stream.Events.Single(e => e.Type == "stroke").Data);
        var root = stroke.RootElement;
        Assert.Equal(["id", "room_id", "width", "red", "green", "blue", "alpha", "created_at", "points"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(roomId, root.GetProperty("room_id").GetInt64());
        Assert.Equal([1.25, 3.0], root.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("x").GetDouble()));
        Assert.Equal(["id", "stroke_id", "x", "y"], root.GetProperty("points")[0].EnumerateObject().Select(p => p.Name));
    }
}

/// <summary>StreamEndpointTests against the baseline store.</summary>
public sealed class StreamEndpointTestsOnBaseline(BaselineServer server) : StreamEndpointTests(server), IClassFixture<BaselineServer>;

/// <summary>StreamEndpointTests against the tuned store.</summary>
public sealed class StreamEndpointTestsOnTuned(TunedServer server) : StreamEndpointTests(server), IClassFixture<TunedServer>;
