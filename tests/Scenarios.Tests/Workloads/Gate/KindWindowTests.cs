using System.Collections.Concurrent;
using System.Globalization;
using IsuBench.Engine.Execution;
using IsuBench.Scenarios.Api;
using IsuBench.Scenarios.Workloads;
using IsuBench.Scenarios.Workloads.Gate;
using IsuBench.Tests.Scenarios.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace IsuBench.Tests.Scenarios.Workloads.Gate;

/// <summary>The gate workload's kind windows: after its measured window, each kind of the mix alone, on a seeded schedule.</summary>
public sealed class KindWindowTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(2);

    // One room, no watchers, a slow mix: the test is about what comes after it.
    private static readonly GatePlan Plan = new()
    {
        Rooms = 1,
        WatchersPerRoom = [0],
        PostInterval = TimeSpan.FromSeconds(1),
        RoomListInterval = TimeSpan.FromSeconds(1),
        RoomInterval = TimeSpan.FromSeconds(1),
        TopPageInterval = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public void The_plan_sends_every_kind_of_the_mix_but_the_stream_posting_last_for_a_twentieth_of_the_run_from_a_quarter_second_to_3_s()
    {
        var plan = new GatePlan();
        Assert.Equal(
            [Endpoints.TopPage, Endpoints.RoomList, Endpoints.Room, Endpoints.RoomPage, Endpoints.PostStroke],
            plan.KindSchedules.Select(k => k.Kind));
        Assert.All(plan.KindSchedules, k => Assert.Equal(TimeSpan.FromMilliseconds(20), k.MeanInterval));
        Assert.Equal(TimeSpan.FromSeconds(1.5), GatePlan.KindWindowLength(TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(3), GatePlan.KindWindowLength(TimeSpan.FromSeconds(60)));
        Assert.Equal(TimeSpan.FromSeconds(3), GatePlan.KindWindowLength(TimeSpan.FromMinutes(10)));
        Assert.Equal(TimeSpan.FromMilliseconds(250), GatePlan.KindWindowLength(TimeSpan.FromSeconds(2)));
        // At most a quarter more than the duration, beside the steps' own graceful stop.
        Assert.True(GatePlan.KindWindowLength(TimeSpan.FromSeconds(30)) * plan.KindSchedules.Count <= TimeSpan.FromSeconds(30) * 0.25);
    }

    [Fact]
    public void Each_kinds_arrivals_come_from_the_seed_and_its_name_alone()
    {
        static List<TimeSpan> Arrivals(string kind, int seed) =>
            GatePlan.ArrivalsFor(GatePlan.KindScheduleName(kind), TimeSpan.FromMilliseconds(20), seed).Offsets().Take(50).ToList();

        Assert.Equal(Arrivals(Endpoints.RoomList, 42), Arrivals(Endpoints.RoomList, 42));
        Assert.NotEqual(Arrivals(Endpoints.RoomList, 42), Arrivals(Endpoints.RoomList, 43));
        Assert.NotEqual(Arrivals(Endpoints.RoomList, 42), Arrivals(Endpoints.Room, 42));
        // And from none of the mix's schedules.
        Assert.NotEqual(
            Arrivals(Endpoints.RoomList, 42),
            GatePlan.ArrivalsFor("room list", TimeSpan.FromMilliseconds(20), 42).Offsets().Take(50).ToList());
    }

    [Fact]
    public async Task After_the_measured_window_each_kind_is_sent_alone_in_a_window_of_its_own_holding_exactly_its_scheduled_requests()
    {
        var seen = new ConcurrentQueue<(string Kind, bool AfterMix)>();
        bool afterMix = false;
        await using var server = await ScriptedServer.StartAsync((context, _) =>
        {
            string kind = KindOf(context.Request);
            seen.Enqueue((kind, Volatile.Read(ref afterMix)));
            return AnswerAsync(context, kind);
        });
        using var sessions = TestRuns.Sessions(server.Origin);
        var window = sessions.Metrics.Window;
        window.Closed += _ => Volatile.Write(ref afterMix, true);

        var gate = await GateWorkload.RunAsync(Plan, new LoadOptions { Duration = Duration, Seed = 7 }, sessions, CancellationToken.None);

        var measured = Assert.NotNull(window.ClosedAt);
        Assert.Equal(Plan.KindSchedules.Select(k => k.Kind), window.Kinds.Select(k => k.Kind));
        var previousEnd = measured;
        foreach (var kind in window.Kinds)
        {
            var closed = Assert.NotNull(kind.Closed);
            Assert.True(kind.Opened.At >= previousEnd.At && kind.Opened.Requests >= previousEnd.Requests, kind.Kind);
            long requests = closed.Requests - kind.Opened.Requests;
            // As many as the seed schedules within the window's length (none dropped: the server answers at once) ...
            int due = GatePlan.ArrivalsFor(GatePlan.KindScheduleName(kind.Kind), TimeSpan.FromMilliseconds(20), 7).Offsets()
                .TakeWhile(offset => offset < GatePlan.KindWindowLength(Duration)).Count();
            Assert.True(due > 0);
            Assert.Equal(due, requests);
            Assert.Equal(due, gate.Run.Iterations[GatePlan.KindScheduleName(kind.Kind)]);
            // ... and the server saw exactly these of that kind after the mix: the windows hold nothing else.
            Assert.Equal(due, seen.Count(s => s.AfterMix && s.Kind == kind.Kind));
            previousEnd = closed;
        }
        Assert.Equal(window.Kinds[^1].Closed!.Value.Requests - measured.Requests, seen.Count(s => s.AfterMix));
        Assert.All(gate.Run.FailedIterations, dropped => Assert.Equal(0, dropped.Value));
        // The mix's figures are the steps' alone.
        Assert.DoesNotContain(gate.Figures.Keys, name => name.Contains("alone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_run_cancelled_before_its_kind_windows_sends_none()
    {
        await using var server = await ScriptedServer.StartAsync((context, _) => AnswerAsync(context, KindOf(context.Request)));
        using var sessions = TestRuns.Sessions(server.Origin);
        using var cancel = new CancellationTokenSource();
        sessions.Metrics.Window.Closed += _ => cancel.Cancel();

        var gate = await GateWorkload.RunAsync(Plan, new LoadOptions { Duration = Duration }, sessions, cancel.Token);

        Assert.Empty(sessions.Metrics.Window.Kinds);
        Assert.DoesNotContain(gate.Run.Iterations.Keys, name => name.EndsWith(" alone", StringComparison.Ordinal));
    }

    private static string KindOf(HttpRequest request)
    {
        string path = request.Path.Value ?? "/";
        return (request.Method, path) switch
        {
            ("GET", "/") => Endpoints.TopPage,
            ("GET", "/api/rooms") => Endpoints.RoomList,
            ("POST", "/api/rooms") => Endpoints.CreateRoom,
            ("GET", _) when path.StartsWith("/api/rooms/", StringComparison.Ordinal) => Endpoints.Room,
            ("GET", _) when path.StartsWith("/rooms/", StringComparison.Ordinal) => Endpoints.RoomPage,
            ("POST", _) when path.StartsWith("/api/strokes/rooms/", StringComparison.Ordinal) => Endpoints.PostStroke,
            _ => request.Method + " " + path,
        };
    }

    private const string Room = """{"id":7,"name":"r","canvas_width":1028,"canvas_height":"""
        + """768,"created_at":"2016-09-22T00:00:01.000001Z","strokes":[],"stroke_count":0,"watcher_count":0}""";

    // Just enough of ISUketch for the gate workload: a page with a token, one room, a list of 100, strokes stored.
    private static Task AnswerAsync(HttpContext context, string kind)
    {
        switch (kind)
        {
            case Endpoints.TopPage or Endpoints.RoomPage:
                context.Response.ContentType = "text/html; charset=utf-8";
                return ScriptedServer.WriteAsync(context, """<!DOCTYPE html><html data-csrf-token="t"><body></body></html>""");
            case Endpoints.RoomList:
                context.Response.ContentType = "application/json";
                var rooms = Enumerable.Range(1, 100).Select(id => Room.Replace(
                    "\"id\":7", $"\"id\":{id.ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal));
                return ScriptedServer.WriteAsync(context, $$"""{"rooms":[{{string.Join(",", rooms)}}]}""");
            case Endpoints.CreateRoom or Endpoints.Room:
                context.Response.ContentType = "application/json";
                return ScriptedServer.WriteAsync(context, $$"""{"room":{{Room}}}""");
            case Endpoints.PostStroke:
                context.Response.ContentType = "application/json";
                return ScriptedServer.WriteAsync(context, """{"stroke":{"id":5,"room_id":7,"width":10,"red":100,"green":100,"blue":"""
                    + """100,"alpha":0.5,"created_at":"2026-01-01T00:00:00.123456Z","points":[]}}""");
            default:
                context.Response.StatusCode = 404;
                return Task.CompletedTask;
        }
    }
}
