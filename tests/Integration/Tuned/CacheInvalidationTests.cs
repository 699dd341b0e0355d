using IsuBench.Integration.Reference;

namespace IsuBench.Integration.Tuned;

/// <summary>What a store may cache (thumbnails, the top list, room objects) changes with the very next write.</summary>
public abstract class CacheInvalidationTests(ReferenceServer server)
{
    [Fact]
    public async Task A_new_stroke_is_in_the_next_thumbnail_room_page_room_and_top_list()
    {
        var token = await server.Api.CreateTokenAsync();
        var first = (await server.Api.CreateRoomAsync(token, "first")).GetProperty("id").GetInt64();
        var second = (await server.Api.CreateRoomAsync(token, "second")).GetProperty("id").GetInt64();
        var a = (await server.Api.PostStrokeAsync(token, first)).GetProperty("id").GetInt64();
        var b = (await server.Api.PostStrokeAsync(token, second)).GetProperty("id").GetInt64();

        // Read everything once, so that whatever can be cached is.
        Assert.Contains($"<polyline id=\"{a}\"", await server.Api.Http.GetStringAsync($"/img/{first}"));
        Assert.Contains($"id=\"{a}\"", await server.Api.Http.GetStringAsync($"/rooms/{first}"));
        Assert.Equal([(second, 1), (first, 1)], await TopAsync());
        Assert.Equal(1, await StrokeCountAsync(first));

        var c = (await server.Api.PostStrokeAsync(token, first, [(9, 9)])).GetProperty("id").GetInt64();

        var svg = await server.Api.Http.GetStringAsync($"/img/{first}");
        Assert.Contains($"<polyline id=\"{a}\"", svg);
        Assert.Contains($"<polyline id=\"{c}\"", svg);
        Assert.DoesNotContain($"<polyline id=\"{b}\"", svg);
        Assert.Contains($"id=\"{c}\"", await server.Api.Http.GetStringAsync($"/rooms/{first}"));
        Assert.Equal([(first, 2), (second, 1)], await TopAsync());
        Assert.Equal(2, await StrokeCountAsync(first));
    }

    private async Task<List<(long Id, int Count)>> TopAsync() =>
        [.. (await server.Api.GetJsonAsync("/api/rooms")).GetProperty("rooms").EnumerateArray()
            .Select(r => (r.GetProperty("id").GetInt64(), r.GetProperty("stroke_count").GetInt32()))];

    private async Task<int> StrokeCountAsync(long roomId)
    {
        var room = (await server.Api.GetJsonAsync($"/api/rooms/{roomId}")).GetProperty("room");
        Assert.Equal(room.GetProperty("stroke_count").GetInt32(), room.GetProperty("strokes").GetArrayLength());
        return room.GetProperty("stroke_count").GetInt32();
    }
}

/// <summary>CacheInvalidationTests against the baseline store.</summary>
public sealed class CacheInvalidationTestsOnBaseline(BaselineServer server) : CacheInvalidationTests(server), IClassFixture<BaselineServer>;

/// <summary>CacheInvalidationTests against the tuned store.</summary>
public sealed class CacheInvalidationTestsOnTuned(TunedServer server) : CacheInvalidationTests(server), IClassFixture<TunedServer>;
