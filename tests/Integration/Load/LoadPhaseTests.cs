using IsuBench.Checks.Rules;
using IsuBench.Engine.Execution;
using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;
using IsuBench.Scenarios.Api;
using IsuBench.Scenarios.Judging;
using IsuBench.Scenarios.Run;
using IsuBench.Scenarios.Workloads;
using IsuBench.Tests.Scenarios.Infrastructure;
using Xunit.Abstractions;

namespace IsuBench.Integration.Load;

/// <summary>
/// A short load phase against the real reference: the score is what the logged requests and deliveries are worth.
/// One class per profile: each run has a target of its own, so xunit runs the two side by side.
/// </summary>
public abstract class LoadPhaseTests(ITestOutputHelper output)
{
    private protected async Task RunAndCheckAsync(string profile)
    {
        await using var target = await LoadTarget.StartAsync(profile);
        long strokesBefore = await target.CountAsync("SELECT COUNT(*) FROM strokes");
        var log = new RequestLog();
        var metrics = new RunMetrics(SystemClock.Instance, ScoreKinds.Scale, log);
        using var sessions = new SessionFactory(new Targets([target.BaseAddress]), new SessionOptions(), metrics);
        // Fewer virtual users than the defaults: the point is the accounting, and the machine running the tests is
        // shared, so a lighter load keeps the server well inside the 2 s delivery window (the 60 s run uses the defaults).
        var options = new LoadOptions
        {
            Duration = TimeSpan.FromSeconds(15), Seed = 7,
            MatsuriInstances = 3, InitialWaveSize = 3, LoadIndexPageWorkers = 2, DrawOnRandomRoomWorkers = 2,
        };

        var result = await LoadPhase.RunAsync(options, sessions, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(90));
        Report(result, metrics);
        var scores = metrics.Score.Snapshot();

        // Nothing the server did was wrong: a correct server under this light load earns no error at all.
        Assert.DoesNotContain(metrics.Errors.Snapshot(), e => e.Kind != ErrorKind.BenchCapacity);
        Assert.Equal(0, result.Run.AbandonedWorkers);

        // The ledger is exactly what the log of requests and deliveries is worth, kind by kind.
        Assert.Equal(log.RecomputeScore(), metrics.Score.Total);
        var requests = log.Requests;
        Assert.Equal(requests.Count(r => r.Scored == ScoreKind.Get), scores[ScoreKind.Get].Count);
        Assert.Equal(requests.Count(r => r.Scored == ScoreKind.Post), scores[ScoreKind.Post].Count);
        Assert.Equal(log.StreamStrokes, scores[ScoreKind.StreamStroke].Count);
        // Only requests that came back with the expected status scored, each by its method.
        Assert.All(requests.Where(r => r.Scored is not null), r =>
        {
            Assert.Equal(200, r.Status);
            Assert.Equal(r.Method == "POST" ? ScoreKind.Post : ScoreKind.Get, r.Scored);
        });

        // Strokes delivered within 2 s were counted, and every delivery that scored is one the counters saw.
        Assert.True(scores[ScoreKind.StreamStroke].Count > 0, "no stream points");
        Assert.Equal(result.Matsuri.DeliveriesScored, scores[ScoreKind.StreamStroke].Count);
        Assert.True(metrics.Delivery.Snapshot().Count > 0);

        // Every workload ran and made its requests (a LoadIndexPage iteration may not finish in 15 s against a slow server).
        Assert.True(result.Run.Iterations[MatsuriWorkload.Name] > 0 && result.Run.Iterations[DrawOnRandomRoomWorkload.Name] > 0);
        Assert.Equal(options.MatsuriInstances, result.Matsuri.RoomsCreated);
        Assert.True(result.Matsuri.WatchersStarted >= 2 * options.InitialWaveSize, "two waves in 10 s");
        Assert.True(result.Matsuri.StrokesPosted > 0);
        var endpoints = metrics.Endpoints.Snapshot();
        foreach (var endpoint in new[] { Endpoints.TopPage, Endpoints.RoomPage, Endpoints.Image, Endpoints.RoomList,
                     Endpoints.CreateRoom, Endpoints.PostStroke, Endpoints.Stream, "GET /bundle.js", "GET /css/sanitize.css" })
        {
            Assert.True(requests.Any(r => r.Endpoint == endpoint) || endpoints.Any(e => e.Endpoint == endpoint && e.Requests > 0), endpoint);
        }

        // Every watcher left at the end.
        Assert.Equal(0, metrics.Watchers.Value);
        Assert.True(result.Matsuri.PeakOpenWatchers > 0);

        // The server holds every stroke a POST was scored for (and perhaps some whose answer came too late).
        long strokesAfter = await target.CountAsync("SELECT COUNT(*) FROM strokes");
        long scoredPosts = requests.Count(r => r.Endpoint == Endpoints.PostStroke && r.Scored == ScoreKind.Post);
        Assert.True(scoredPosts > 0);
        Assert.True(strokesAfter - strokesBefore >= scoredPosts, $"{strokesAfter - strokesBefore} new strokes, {scoredPosts} scored posts");
        Assert.Equal(LoadTarget.Rooms + options.MatsuriInstances, await target.CountAsync("SELECT COUNT(*) FROM rooms"));
    }

    private void Report(LoadPhaseResult result, RunMetrics metrics)
    {
        output.WriteLine($"score {metrics.Score.Total}: " + string.Join(", ", metrics.Score.Snapshot().Select(k => $"{k.Key} {k.Value.Count} = {k.Value.Points}")));
        output.WriteLine($"iterations: " + string.Join(", ", result.Run.Iterations.Select(i => $"{i.Key} {i.Value} ({result.Run.FailedIterations[i.Key]} failed)")));
        output.WriteLine($"matsuri: {result.Matsuri}");
        output.WriteLine($"delivery: {metrics.Delivery.Snapshot()}");
        foreach (var endpoint in metrics.Endpoints.Snapshot())
        {
            output.WriteLine($"{endpoint.Endpoint}: {endpoint.Requests} requests, {endpoint.Errors} errors, p50 {endpoint.Latency.P50Ms} ms, p99 {endpoint.Latency.P99Ms} ms");
        }
        foreach (var error in metrics.Errors.Snapshot())
        {
            output.WriteLine($"{error.Kind} x{error.Count}: {error.Message}");
        }
    }
}

/// <summary>The load phase against the baseline store.</summary>
public sealed class LoadPhaseTestsOnBaseline(ITestOutputHelper output) : LoadPhaseTests(output)
{
    [Fact]
    public Task Fifteen_seconds_against_the_baseline_reference_score_what_succeeded() => RunAndCheckAsync("baseline");
}

/// <summary>The load phase against the tuned store.</summary>
public sealed class LoadPhaseTestsOnTuned(ITestOutputHelper output) : LoadPhaseTests(output)
{
    [Fact]
    public Task Fifteen_seconds_against_the_tuned_reference_score_what_succeeded() => RunAndCheckAsync("tuned");
}
