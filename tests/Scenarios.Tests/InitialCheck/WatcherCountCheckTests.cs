using System.Collections.Concurrent;
using System.Globalization;
using IsuBench.Scenarios.InitialCheck;
using IsuBench.Tests.Scenarios.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace IsuBench.Tests.Scenarios.InitialCheck;

/// <summary>
/// The watcher-count check against a scripted server that speaks the original's stream: the id in a block of its own, at most two
/// strokes per response, then the end of the response, so watchers must resume with Last-Event-ID.
/// </summary>
public sealed class WatcherCountCheckTests
{
    private const int StrokesPerRoom = 3;

    [Fact]
    public async Task Watchers_resuming_with_last_event_id_see_their_count_and_every_stroke_once()
    {
        await using var server = await StartFakeAsync(honourLastEventId: true);
        var result = await RunWatcherCheckAsync(server.Origin);

        Assert.True(result.Passed, string.Join("\n", result.Verdicts.Where(v => !v.Passed)));
        var verdicts = result.Checks.Single().Verdicts;
        // 1 + 2 + 3 + 4 watchers, each with a count and a strokes verdict.
        Assert.Equal(10, verdicts.Count(v => v.RuleId == "watchers.count" && v.Passed));
        Assert.Equal(10, verdicts.Count(v => v.RuleId == "watchers.strokes" && v.Passed));
        Assert.Contains(server.Requests, r => r.LastEventId is not null);
    }

    [Fact]
    public async Task A_server_that_resends_history_after_a_reconnect_fails_the_strokes_rule()
    {
        await using var server = await StartFakeAsync(honourLastEventId: false);
        var result = await RunWatcherCheckAsync(server.Origin);

        Assert.False(result.Passed);
        Assert.Contains(result.Verdicts, v => v.RuleId == "watchers.strokes" && v.FailedCritically);
    }

    [Fact]
    public async Task Unknown_front_ends_and_check_names_are_refused_before_any_request()
    {
        using var sessions = TestRuns.Sessions(new Uri("http://127.0.0.1:9"));
        await Assert.ThrowsAsync<ArgumentException>(() => InitialCheckRunner.RunAsync(new InitialCheckOptions { FrontEnd = "react" }, sessions, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            InitialCheckRunner.RunAsync(new InitialCheckOptions { OnlyChecks = new HashSet<string> { "no-such-check" } }, sessions, CancellationToken.None));
        Assert.Equal(0, sessions.Metrics.Endpoints.TotalRequests);
    }

    private static async Task<InitialCheckResult> RunWatcherCheckAsync(Uri origin)
    {
        using var sessions = TestRuns.Sessions(origin);
        var options = new InitialCheckOptions
        {
            Seed = 5,
            // Shorter than the contract's 6 s, yet long enough that a starved test machine still connects a room's four
            // watchers within one stay (each must see the highest count).
            WatcherStay = TimeSpan.FromSeconds(3),
            OnlyChecks = new HashSet<string> { InitialCheckNames.WatcherCount },
        };
        return await InitialCheckRunner.RunAsync(options, sessions, CancellationToken.None);
    }

    private static Task<ScriptedServer> StartFakeAsync(bool honourLastEventId)
    {
        var watchers = new ConcurrentDictionary<string, ConcurrentDictionary<string, bool>>();
        var tokens = 0;
        return ScriptedServer.StartAsync(async (context, _) =>
        {
            var path = context.Request.Path.Value!;
            if (path == "/api/rooms")
            {
                context.Response.ContentType = "application/json";
                var rooms = Enumerable.Range(1, 100).Select(id =>
                    $$"""{"id":{{id}},"name":"r","canvas_width":10,"canvas_height":10,"created_at":"2016-09-22T00:00:01.5Z","strokes":[],"stroke_count":{{StrokesPerRoom}},"watcher_count":0}""");
                await ScriptedServer.WriteAsync(context, $$"""{"rooms":[{{string.Join(",", rooms)}}]}""");
            }
            else if (path.StartsWith("/rooms/", StringComparison.Ordinal))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await ScriptedServer.WriteAsync(context, $"<html data-csrf-token=\"token-{Interlocked.Increment(ref tokens)}\"><body></body></html>");
            }
            else if (path.StartsWith("/api/stream/rooms/", StringComparison.Ordinal))
            {
                var room = path["/api/stream/rooms/".Length..];
                var inRoom = watchers.GetOrAdd(room, _ => new());
                inRoom[context.Request.Query["csrf_token"].ToString()] = true;
                var after = honourLastEventId && long.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), out var id) ? id : 0;
                await ScriptedServer.StartStreamAsync(context);
                await ScriptedServer.WriteAsync(context, $"retry:100\n\nevent:watcher_count\ndata:{inRoom.Count}\n\n");
                foreach (var stroke in Enumerable.Range(1, StrokesPerRoom).Where(s => s > after).Take(2))
                {
                    var json = $$"""{"id":{{stroke}},"room_id":{{room}},"width":5,"red":1,"green":2,"blue":3,"alpha":0.5,"created_at":"2016-09-22T00:00:02.25Z","points":[{"id":1,"stroke_id":{{stroke}},"x":1.5,"y":2.5}]}""";
                    await ScriptedServer.WriteAsync(context, $"id:{stroke.ToString(CultureInfo.InvariantCulture)}\n\nevent:stroke\ndata:{json}\n\n");
                }
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        });
    }
}
