using System.Net;
using System.Text.Json;

namespace IsuBench.Integration.Reference;

public abstract class TokenEndpointTests(ReferenceServer server)
{
    [Fact]
    public async Task Each_request_creates_a_new_unique_stored_64_hex_token()
    {
        var before = await server.CountRowsAsync();
        var tokens = new List<string>();
        for (var i = 0; i < 20; i++) tokens.Add(await server.Api.CreateTokenAsync());

        Assert.Equal(20, tokens.Distinct().Count());
        Assert.All(tokens, token => Assert.Matches("^[0-9a-f]{64}$", token));
        Assert.Equal(before.Tokens + 20, (await server.CountRowsAsync()).Tokens);
        foreach (var token in tokens)
            Assert.Equal(1L, Convert.ToInt64(await server.ScalarAsync("SELECT COUNT(*) FROM tokens WHERE csrf_token = @t", ("@t", token))));
    }

    [Fact]
    public async Task A_token_older_than_a_day_is_refused_and_a_younger_one_accepted()
    {
        var young = await server.Api.CreateTokenAsync();
        var old = await server.Api.CreateTokenAsync();
        var room = await server.Api.CreateRoomAsync(young);
        var roomId = room.GetProperty("id").GetInt64();
        await server.ExecuteSqlAsync("UPDATE tokens SET created_at = created_at - INTERVAL 23 HOUR WHERE csrf_token = @t", ("@t", young));
        await server.ExecuteSqlAsync("UPDATE tokens SET created_at = created_at - INTERVAL 2 DAY WHERE csrf_token = @t", ("@t", old));
        await server.AfterDirectSqlAsync();
        var before = await server.CountRowsAsync();

        using (var response = await server.Api.SendAsync(HttpMethod.Post, "/api/rooms", old,
                   JsonSerializer.Serialize(new { name = "x", canvas_width = 10, canvas_height = 10 })))
            await IsuketchClient.AssertErrorAsync(response, HttpStatusCode.BadRequest);
        using (var response = await server.Api.SendAsync(HttpMethod.Post, $"/api/strokes/rooms/{roomId}", old,
                   IsuketchClient.StrokeBody([(1, 1)])))
            await IsuketchClient.AssertErrorAsync(response, HttpStatusCode.BadRequest);
        var stream = await SseSession.ReadAsync(server.Api.Http, roomId.ToString(), old);
        Assert.Equal("bad_request", Assert.Single(stream.Events).Type);
        Assert.Equal(before, await server.CountRowsAsync());

        await server.Api.PostStrokeAsync(young, roomId);
        await server.Api.CreateRoomAsync(young);
    }
}

/// <summary>TokenEndpointTests against the baseline store.</summary>
public sealed class TokenEndpointTestsOnBaseline(BaselineServer server) : TokenEndpointTests(server), IClassFixture<BaselineServer>;

/// <summary>TokenEndpointTests against the tuned store.</summary>
public sealed class TokenEndpointTestsOnTuned(TunedServer server) : TokenEndpointTests(server), IClassFixture<TunedServer>;
