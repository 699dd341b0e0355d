using IsuBench.Integration.Infrastructure;
using IsuBench.Integration.Reference;

namespace IsuBench.Integration.Tuned;

/// <summary>What only the tuned stream does: stay open, push, tell a falling watcher count, end at shutdown.</summary>
public sealed class PushStreamTests(TunedServer server) : IClassFixture<TunedServer>
{
    [Fact]
    public async Task One_open_stream_receives_strokes_posted_later_and_the_count_falling_when_a_watcher_leaves()
    {
        var owner = await server.Api.CreateTokenAsync();
        var visitor = await server.Api.CreateTokenAsync();
        var roomId = (await server.Api.CreateRoomAsync(owner)).GetProperty("id").GetInt64();
        var posted = new List<long>();
        Task<SseTranscript>? visit = null;

        var stream = await SseSession.ReadAsync(server.Api.Http, roomId.ToString(), owner, timeout: TimeSpan.FromSeconds(20),
            onEvent: async events =>
            {
                var last = events[^1];
                if (events.Count == 1)
                {
                    // Joined: a stroke posted now arrives on this same response.
                    posted.Add((await server.Api.PostStrokeAsync(owner, roomId)).GetProperty("id").GetInt64());
                }
                else if (last.Type == "stroke" && posted.Count == 1)
                {
                    // A second watcher comes and goes; it hangs up as soon as it has its count.
                    visit = SseSession.ReadAsync(server.Api.Http, roomId.ToString(), visitor, stopWhen: e => e.Count >= 1);
                }
                else if (last is { Type: "watcher_count", Data: "1" } && posted.Count == 1)
                {
                    // Its heartbeat aged out; the stream is still open for the next stroke.
                    posted.Add((await server.Api.PostStrokeAsync(owner, roomId)).GetProperty("id").GetInt64());
                }
            },
            stopWhen: events => events.Count(e => e.Type == "stroke") == 2);

        Assert.False(stream.EndedByServer);
        Assert.Equal(["1", "2", "1"], stream.Events.Where(e => e.Type == "watcher_count").Select(e => e.Data));
        Assert.Equal(posted.Select(id => id.ToString()), stream.Events.Where(e => e.Type == "stroke").Select(e => e.Id));
        Assert.Equal("2", (await visit!).Events[0].Data);
    }

    [Fact]
    public async Task Open_streams_end_when_the_server_stops_so_shutdown_does_not_wait_for_clients()
    {
        var connectionString = await SharedMariaDb.CreateDatabaseAsync("tuned_stop_" + Guid.NewGuid().ToString("N")[..12]);
        await using var app = await ReferenceServer.StartAppAsync(connectionString, "tuned");
        using var api = new IsuketchClient(new Uri(app.Urls.First()));
        var token = await api.CreateTokenAsync();
        var roomId = (await api.CreateRoomAsync(token)).GetProperty("id").GetInt64();
        Task? stopping = null;

        var stream = await SseSession.ReadAsync(api.Http, roomId.ToString(), token, onEvent: _ =>
        {
            stopping ??= app.StopAsync();
            return Task.CompletedTask;
        });

        Assert.True(stream.EndedByServer);
        await stopping!;
    }
}
