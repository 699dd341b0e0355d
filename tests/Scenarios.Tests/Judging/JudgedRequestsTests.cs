using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Engine.Http;
using IsuBench.Scenarios.Api;
using IsuBench.Scenarios.Judging;
using IsuBench.Tests.Scenarios.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace IsuBench.Tests.Scenarios.Judging;

public sealed class JudgedRequestsTests : IAsyncLifetime
{
    private static readonly Rule Blocked = new("x.blocked", "The step could not go on", true);
    private static readonly Rule Added = new("x.added", "The caller's own rule", true);

    // A created room without canvas_height: readable (the original read it as 0), but short of a field the contract names.
    private const string CreatedRoom = """{"room":{"id":3,"name":"r","canvas_width":1028,"created_at":"2016-09-22T00:00:01.000001Z","strokes":[]}}""";

    private readonly List<(SessionResponse Response, List<Verdict> Verdicts)> _judged = [];
    private readonly List<(string Request, string Expected, string Actual)> _failedWith = [];
    private ScriptedServer _server = null!;
    private SessionFactory _sessions = null!;
    private Session _session = null!;

    public async Task InitializeAsync()
    {
        _server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            switch (context.Request.Method, context.Request.Path.Value)
            {
                case ("GET", "/rooms/7"):
                    context.Response.StatusCode = 503;
                    await ScriptedServer.WriteAsync(context, "down");
                    break;
                case ("GET", "/rooms/8"):
                    await ScriptedServer.WriteAsync(context, """<!DOCTYPE html><html data-csrf-token="t8"><body></body></html>""");
                    break;
                case ("GET", "/rooms/9"):
                    await ScriptedServer.WriteAsync(context, "<!DOCTYPE html><html><body></body></html>");
                    break;
                case ("POST", "/api/rooms"):
                    await ScriptedServer.WriteAsync(context, CreatedRoom);
                    break;
                default:
                    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    await ScriptedServer.WriteAsync(context, "oops");
                    break;
            }
        });
        _sessions = TestRuns.Sessions(_server.Origin);
        _session = _sessions.Create(new Random(1));
    }

    public async Task DisposeAsync()
    {
        _session.Dispose();
        _sessions.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_page_that_is_not_200_shows_its_path_and_body_in_the_initial_check_and_its_endpoint_and_status_under_load()
    {
        var initial = await Requests(CheckPhase.Initial).PageTokenAsync(IsuketchApi.RoomPageAsync(_session, 7, CancellationToken.None), FailWithBlocked);
        var load = await Requests(CheckPhase.Load).PageTokenAsync(IsuketchApi.RoomPageAsync(_session, 7, CancellationToken.None), FailWithBlocked);

        Assert.Equal((null, false), (initial.Value, initial.Passed));
        Assert.Equal((null, false), (load.Value, load.Passed));
        Assert.Equal(2, _judged.Count);
        Assert.Equal(
            [("http.status", false, new Evidence("GET /rooms/7", "status 200", "status 503: down")), ("x.blocked", false, new Evidence("GET /rooms/7", "the page (status 200)", "status 503: down"))],
            _judged[0].Verdicts.Select(v => (v.RuleId, v.Passed, v.Evidence)));
        Assert.Equal(
            [("http.status", false, new Evidence("GET /rooms/{id}", "status 200", "status 503")), ("x.blocked", false, new Evidence("GET /rooms/{id}", "the page (status 200)", "status 503: down"))],
            _judged[1].Verdicts.Select(v => (v.RuleId, v.Passed, v.Evidence)));
    }

    [Fact]
    public async Task A_page_token_is_judged_once_with_the_page_s_status_and_a_missing_one_with_what_the_caller_adds()
    {
        var found = await Requests(CheckPhase.Initial).PageTokenAsync(IsuketchApi.RoomPageAsync(_session, 8, CancellationToken.None), FailWithBlocked);
        var missing = await Requests(CheckPhase.Initial).PageTokenAsync(IsuketchApi.RoomPageAsync(_session, 9, CancellationToken.None), FailWithBlocked);

        Assert.Equal(("t8", true), (found.Value, found.Passed));
        Assert.Equal((null, false), (missing.Value, missing.Passed));
        Assert.Equal([("http.status", true), ("tokens.present", true)], _judged[0].Verdicts.Select(v => (v.RuleId, v.Passed)));
        Assert.Equal([("tokens.present", false), ("x.blocked", false)], _judged[1].Verdicts.Select(v => (v.RuleId, v.Passed)));
        Assert.Equal([("GET /rooms/9", "a page with a CSRF token", "no data-csrf-token attribute")], _failedWith);
        Assert.Equal(2, _judged.Count);
    }

    [Fact]
    public async Task The_initial_check_holds_an_answer_to_the_contract_s_fields_and_the_caller_s_rules_the_load_to_its_own_reading()
    {
        int added = 0;
        AddedRules<IsuBench.Checks.Documents.Api.ApiRoom> rules = (room, response, request) =>
        {
            added++;
            return [Added.Check(room.Id == 3 && response.Is(200), request, "room 3", "")];
        };

        var initial = await Requests(CheckPhase.Initial).CreateRoomAsync(_session, "t8", NewRoom.Numbered(new Random(1)), CancellationToken.None, rules);
        var load = await Requests(CheckPhase.Load).CreateRoomAsync(_session, "t8", NewRoom.Numbered(new Random(1)), CancellationToken.None);

        // The room is there even when its answer lacks a field: the initial check goes on with it.
        Assert.Equal((3L, false), (initial.Value!.Id, initial.Passed));
        Assert.Equal((3L, true), (load.Value!.Id, load.Passed));
        Assert.Equal(1, added);
        Assert.Equal(
            [("rooms.create", true, "POST /api/rooms"), ("contract.fields", false, "POST /api/rooms"), ("x.added", true, "POST /api/rooms")],
            _judged[0].Verdicts.Select(v => (v.RuleId, v.Passed, v.Evidence.Request)));
        Assert.Equal([("load.rooms.create", true)], _judged[1].Verdicts.Select(v => (v.RuleId, v.Passed)));
    }

    [Fact]
    public async Task A_reading_that_fails_is_judged_alone_with_what_the_caller_adds_for_it()
    {
        var initial = await Requests(CheckPhase.Initial).RoomListAsync(_session, CancellationToken.None, FailWithBlocked);
        var load = await Requests(CheckPhase.Load).RoomListAsync(_session, CancellationToken.None);

        Assert.Equal((null, false), (initial.Value, initial.Passed));
        Assert.Equal((null, false), (load.Value, load.Passed));
        Assert.Equal([("rooms.list", "GET /api/rooms"), ("x.blocked", "GET /api/rooms")], _judged[0].Verdicts.Select(v => (v.RuleId, v.Evidence.Request)));
        Assert.Equal([("load.rooms.list", "GET /api/rooms")], _judged[1].Verdicts.Select(v => (v.RuleId, v.Evidence.Request)));
        Assert.Equal("the room list", Assert.Single(_failedWith).Expected);
    }

    [Fact]
    public async Task A_file_s_status_is_judged_under_its_endpoint()
    {
        var requests = Requests(CheckPhase.Load);

        Assert.False(await requests.AnsweredOkAsync(IsuketchApi.StaticFileAsync(_session, "/bundle.js", CancellationToken.None)));
        Assert.True(await requests.AnsweredOkAsync(IsuketchApi.RoomPageAsync(_session, 8, CancellationToken.None)));

        Assert.Equal([new Evidence("GET /bundle.js", "status 200", "status 500"), new Evidence("GET /rooms/{id}", "status 200", "status 200")],
            _judged.Select(j => Assert.Single(j.Verdicts).Evidence));
    }

    private JudgedRequests Requests(CheckPhase phase) => new(phase, (response, verdicts) =>
    {
        var list = verdicts.ToList();
        lock (_judged) _judged.Add((response, list));
        return list.All(v => v.Passed);
    });

    private Verdict FailWithBlocked(string request, string expected, string actual)
    {
        _failedWith.Add((request, expected, actual));
        return Blocked.Fail(request, expected, actual);
    }
}
