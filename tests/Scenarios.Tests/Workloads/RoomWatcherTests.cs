using IsuBench.Checks.Rules;
using IsuBench.Engine.Metrics;
using IsuBench.Scenarios.Judging;
using IsuBench.Scenarios.Workloads;
using IsuBench.Tests.Scenarios.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace IsuBench.Tests.Scenarios.Workloads;

/// <summary>One Matsuri watcher against a scripted server whose stream misbehaves in one way per test.</summary>
public sealed class RoomWatcherTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);
    private readonly FakeClock _clock = new();

    private static string StrokeJson(long id, DateTimeOffset createdAt, int points) =>
        $$"""{"id":{{id}},"room_id":1,"width":10,"red":100,"green":100,"blue":100,"alpha":0.5,"created_at":"{{createdAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.ffffffZ}}","points":[{{string.Join(",", Enumerable.Range(1, points).Select(i => $$"""{"id":{{i}},"stroke_id":{{id}},"x":1,"y":2}"""))}}]""" + "}";

    private async Task<(RunMetrics Metrics, WatcherState State, MatsuriCounters Counters)> WatchAsync(
        Func<HttpContext, Task> stream, Action<MatsuriRoom>? prepare = null, TimeSpan? stopAfter = null, int roomPageStatus = 200,
        Task? stopWhen = null)
    {
        await using var server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            if (context.Request.Path.StartsWithSegments("/rooms"))
            {
                context.Response.StatusCode = roomPageStatus;
                context.Response.ContentType = "text/html; charset=utf-8";
                await ScriptedServer.WriteAsync(context, """<html data-csrf-token="tok"><body></body></html>""");
                return;
            }
            Assert.Equal("tok", context.Request.Query["csrf_token"]);
            await stream(context);
        });
        using var sessions = TestRuns.Sessions(server.Origin, _clock);
        var counters = new MatsuriCounters();
        var room = new MatsuriRoom(new LoadOptions(), new Judge(sessions.Metrics), new WatcherSlots(10), counters);
        prepare?.Invoke(room);
        var state = new WatcherState(0, _clock, TimeSpan.FromSeconds(5));
        using var end = new CancellationTokenSource(stopAfter ?? HangGuard);
        // The run ends when the test has seen what it waits for, however long the machine took to get there.
        var stopping = stopWhen?.WaitAsync(HangGuard).ContinueWith(_ => end.Cancel(), TaskScheduler.Default);
        await new RoomWatcher(state, sessions.Create(new Random(1)), 1, room).RunAsync(end.Token, CancellationToken.None).WaitAsync(HangGuard);
        if (stopping is not null) await stopping;
        Assert.False(end.IsCancellationRequested && stopAfter is null && stopWhen is null, "the watcher should have left by itself");
        return (sessions.Metrics, state, counters);
    }

    [Fact]
    public async Task A_bad_request_event_is_an_error_and_the_watcher_leaves()
    {
        var (metrics, state, counters) = await WatchAsync(async context =>
        {
            await ScriptedServer.StartStreamAsync(context);
            await ScriptedServer.WriteAsync(context, "event: bad_request\ndata: token expired\n\n");
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });

        Assert.True(state.HasLeft);
        Assert.Equal(1, counters.WatchersLeftEarly);
        var error = Assert.Single(metrics.Errors.Snapshot());
        Assert.Equal("The stream sent a bad_request event [GET /api/stream/rooms/{id}]: bad_request: token expired", error.Message);
        Assert.Equal(0, metrics.Watchers.Value);
        Assert.Equal(1, metrics.Score.Total); // the room page only
    }

    [Fact]
    public async Task A_room_page_that_fails_is_an_error_and_the_watcher_leaves_without_opening_the_stream()
    {
        bool streamed = false;
        var (metrics, state, counters) = await WatchAsync(_ => { streamed = true; return Task.CompletedTask; }, roomPageStatus: 503);

        Assert.False(streamed);
        Assert.True(state.HasLeft);
        Assert.False(state.LeftForCapacity);
        Assert.Equal(1, counters.WatchersLeftEarly);
        Assert.Equal("The response has an unexpected status code [GET /rooms/{id}]: status 503", Assert.Single(metrics.Errors.Snapshot()).Message);
        Assert.Equal(0, metrics.Score.Total);
    }

    [Theory]
    [InlineData(500, "text/event-stream", "The stream did not answer with status 200")]
    [InlineData(200, "text/plain", "The stream's Content-Type is not text/event-stream")]
    public async Task A_wrong_status_or_content_type_is_an_error_and_the_watcher_leaves(int status, string contentType, string message)
    {
        var (metrics, state, _) = await WatchAsync(async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await ScriptedServer.WriteAsync(context, "retry: 10\n\n");
        });

        Assert.True(state.HasLeft);
        Assert.StartsWith(message, Assert.Single(metrics.Errors.Snapshot()).Message);
    }

    [Fact]
    public async Task A_new_stroke_arriving_more_than_5_s_after_its_creation_is_an_error_and_the_watcher_leaves()
    {
        var (metrics, state, _) = await WatchAsync(async context =>
        {
            await ScriptedServer.StartStreamAsync(context);
            var created = _clock.UtcNow.AddSeconds(1); // after the watcher joined
            _clock.Advance(TimeSpan.FromSeconds(6.5));
            await ScriptedServer.WriteAsync(context, $"id: 3\nevent: stroke\ndata: {StrokeJson(3, created, 2)}\n\n");
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });

        Assert.True(state.HasLeft);
        Assert.Equal("A stroke arrived more than 5 seconds after it was created [GET /api/stream/rooms/{id}]",
            Assert.Single(metrics.Errors.Snapshot()).Message);
    }

    [Fact]
    public async Task Own_strokes_delivered_in_time_score_once_per_watcher_and_a_point_mismatch_is_an_error()
    {
        var sentAt = _clock.UtcNow;
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int streams = 0;
        var (metrics, state, counters) = await WatchAsync(async context =>
        {
            await ScriptedServer.StartStreamAsync(context);
            if (Interlocked.Increment(ref streams) > 1)
            {
                // Events are handled one after another before the client reconnects: all four have been.
                reconnected.TrySetResult();
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
                return;
            }
            var created = _clock.UtcNow.AddMilliseconds(100);
            _clock.Advance(TimeSpan.FromSeconds(1));
            await ScriptedServer.WriteAsync(context,
                $"retry: 500\nevent: watcher_count\ndata: 1\n\nid: 7\n\nevent: stroke\ndata: {StrokeJson(7, created, 2)}\n\n" +
                $"id: 7\nevent: stroke\ndata: {StrokeJson(7, created, 2)}\n\n" +
                $"id: 8\nevent: stroke\ndata: {StrokeJson(8, created, 5)}\n\n" +
                $"id: 99\nevent: stroke\ndata: {StrokeJson(99, created, 1)}\n\n");
        }, room =>
        {
            room.Posted(7, sentAt, 2);
            room.Posted(8, sentAt, 4);
        }, stopWhen: reconnected.Task);

        Assert.True(state.IsReceiving || state.HasLeft);
        Assert.Equal(1, metrics.Score.CountOf(ScoreKind.StreamStroke));
        Assert.Equal((1L, 1L), (counters.DeliveriesScored, counters.DeliveriesMismatched));
        Assert.Equal("A received stroke's number of points differs from what was posted [GET /api/stream/rooms/{id}]",
            Assert.Single(metrics.Errors.Snapshot()).Message);
        Assert.Equal(0, counters.WatchersLeftEarly);
    }
}
