using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;
using IsuBench.Scenarios.Judging;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Tests.Scenarios.Judging;

public sealed class JudgeTests
{
    private static readonly Rule Critical = new("x.critical", "A critical thing broke", true);
    private static readonly Rule Ordinary = new("x.ordinary", "An ordinary thing broke", false) { NamesActual = true };
    private static readonly Rule Addition = new("x.addition", "An addition failed", true) { Addition = true };

    private static async Task<(SessionFactory Sessions, Session Session, RequestLog Log, ScriptedServer Server)> StartAsync(string? fail = null)
    {
        var server = await ScriptedServer.StartAsync(async (context, _) =>
        {
            if (context.Request.Path == fail) await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            else await ScriptedServer.WriteAsync(context, "{}");
        });
        var log = new RequestLog();
        // A short timeout only where a request is meant to hang: a server's first answer can take longer on a busy machine.
        var timeout = fail is null ? TimeSpan.FromSeconds(5) : TimeSpan.FromMilliseconds(300);
        var sessions = TestRuns.Sessions(server.Origin, options: new SessionOptions { RequestTimeout = timeout }, log: log);
        return (sessions, sessions.Create(new Random(1)), log, server);
    }

    [Fact]
    public async Task A_passing_GET_scores_1_a_passing_POST_20_and_a_failed_check_records_its_rule_s_message()
    {
        var (sessions, session, log, server) = await StartAsync();
        await using var _ = server;
        var judge = new Judge(sessions.Metrics);

        var get = await session.GetAsync("/api/rooms", "GET /api/rooms", CancellationToken.None);
        var post = await session.PostJsonAsync("/api/rooms", "POST /api/rooms", "{}", null, CancellationToken.None);
        var bad = await session.GetAsync("/api/rooms/1", "GET /api/rooms/{id}", CancellationToken.None);

        Assert.True(judge.Response(get, HttpRules.StatusIs(200, get.Status, "GET /api/rooms")));
        Assert.True(judge.Response(post, Critical.Pass("POST /api/rooms")));
        Assert.False(judge.Response(bad, Critical.Fail("GET /api/rooms/1", "strokes", "none"), Ordinary.Fail("GET /api/rooms/1", "x", "status 503")));

        Assert.Equal(21, sessions.Metrics.Score.Total);
        Assert.Equal(21, log.RecomputeScore());
        Assert.Equal(3, log.Requests.Count);
        var errors = sessions.Metrics.Errors.Snapshot();
        Assert.Contains(errors, e => e.Kind == ErrorKind.Critical && e.Message == "A critical thing broke [GET /api/rooms/1]");
        // Only rules that name what came back put it in the message (statuses, counts), so messages still merge.
        Assert.Contains(errors, e => e.Kind == ErrorKind.Ordinary && e.Message == "An ordinary thing broke [GET /api/rooms/1]: status 503");
        Assert.Equal(1, sessions.Metrics.Endpoints.Snapshot().Single(e => e.Endpoint == "GET /api/rooms/{id}").Errors);
        Assert.Throws<InvalidOperationException>(() => judge.Response(get));
        sessions.Dispose();
    }

    [Fact]
    public async Task An_addition_warns_and_the_response_still_scores_unless_strict()
    {
        var (sessions, session, _, server) = await StartAsync();
        await using var __ = server;
        var lenient = new Judge(sessions.Metrics);
        var strict = new Judge(sessions.Metrics, strict: true);
        var kept = new List<Verdict>();
        var keeping = new Judge(sessions.Metrics, keep: kept.Add);

        Assert.True(lenient.Response(await session.GetAsync("/a", "GET /a", CancellationToken.None), Addition.Fail("GET /a", "x", "y")));
        Assert.Equal(1, sessions.Metrics.Score.Total);
        Assert.Equal([ErrorKind.Warning], sessions.Metrics.Errors.Snapshot().Select(e => e.Kind));

        Assert.False(strict.Response(await session.GetAsync("/b", "GET /b", CancellationToken.None), Addition.Fail("GET /b", "x", "y")));
        Assert.True(sessions.Metrics.Errors.HasCritical);
        Assert.Equal(1, sessions.Metrics.Score.Total);

        keeping.Record(Addition.Fail("stream", "x", "y"), Critical.Pass("stream"));
        Assert.Equal([false, true], kept.Select(v => v.Passed));
        Assert.False(kept[0].Critical); // kept as the run weighed it
        sessions.Dispose();
    }

    [Fact]
    public async Task A_request_without_answer_records_why_and_only_what_its_failure_makes_critical()
    {
        var (sessions, session, log, server) = await StartAsync(fail: "/slow");
        await using var _ = server;
        var judge = new Judge(sessions.Metrics);

        var slow = await session.GetAsync("/slow", "GET /slow", CancellationToken.None);
        Assert.False(judge.Response(slow, HttpRules.StatusIs(200, slow.Status, "GET /slow"), Ordinary.Fail("GET /slow", "x", "y"),
            Critical.Fail("GET /slow", "a room", "no answer")));

        var errors = sessions.Metrics.Errors.Snapshot();
        Assert.Equal(["A critical thing broke [GET /slow]", "GET /slow: request timed out after 0.3 s"], errors.Select(e => e.Message));
        Assert.Null(log.Requests.Single().Scored);
        // The session counted the timeout already; the judge does not count it again as an error.
        Assert.Equal((1L, 1L), (sessions.Metrics.Endpoints.Snapshot().Single().Errors, sessions.Metrics.Endpoints.Snapshot().Single().Timeouts));
        sessions.Dispose();
    }

    [Fact]
    public void A_delivered_stroke_scores_1_and_is_heard_by_the_observer()
    {
        var log = new RequestLog();
        var judge = new Judge(new RunMetrics(new FakeClock(), ScoreKinds.Scale, log));
        judge.StrokeDelivered();
        Assert.Equal((1L, 1L), (judge.Metrics.Score.Total, log.StreamStrokes));
    }
}
