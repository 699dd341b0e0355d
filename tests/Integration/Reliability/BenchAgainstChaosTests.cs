using System.Diagnostics;
using System.Runtime;
using System.Text;
using IsuBench.Checks.Documents.Api;
using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Engine.Execution;
using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;
using IsuBench.Engine.Sse;
using IsuBench.Scenarios.Judging;
using IsuBench.Scenarios.Run;
using IsuBench.Scenarios.Workloads;
using Xunit.Abstractions;

namespace IsuBench.Integration.Reliability;

/// <summary>
/// The load engine (sessions, SSE client, runner) against <see cref="ChaosTarget"/>: it ends within its duration plus
/// the grace period, abandons no worker, throws nothing out, records every kind of misbehaviour in the error ledger,
/// and its memory stays bounded.
/// </summary>
[Collection(MeasuredAloneCollection.Name)]
public sealed class BenchAgainstChaosTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 7;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);
    /// <summary>Slack for scheduling on a loaded machine; a hang is far longer.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(5);

    private ChaosTarget _target = null!;

    /// <inheritdoc />
    public async Task InitializeAsync() => _target = await ChaosTarget.StartAsync(Seed);

    [Fact]
    public async Task The_engine_ends_on_time_records_every_failure_and_keeps_its_memory_against_a_chaos_target()
    {
        var heapAtStart = SettledHeap();
        using var sampling = new CancellationTokenSource();
        var peak = SamplePeakHeapAsync(sampling.Token);
        // Two identical runs: the first fills what stays cached (JIT, connection pools, pooled buffers); a leak would
        // make the second leave more behind than the first did.
        await RunChaosAsync();
        await TargetQuietAsync();
        var heapAfterFirst = SettledHeap();
        var (metrics, result, elapsed) = await RunChaosAsync();
        await sampling.CancelAsync();
        var peakHeap = await peak;
        await TargetQuietAsync();
        var heapAfterSecond = SettledHeap();

        var errors = metrics.Errors.Snapshot();
        output.WriteLine($"ran {elapsed.TotalSeconds:F1} s; iterations {string.Join(", ", result.Iterations)}; failed {string.Join(", ", result.FailedIterations)}");
        output.WriteLine($"heap at start {heapAtStart / 1024} KB, peak {peakHeap / 1024} KB, after run 1 {heapAfterFirst / 1024} KB, after run 2 {heapAfterSecond / 1024} KB; endless bytes sent {_target.EndlessBytes / 1024} KB");
        foreach (var error in errors) output.WriteLine($"  {error.Kind} x{error.Count}: {error.Message}");

        Assert.True(elapsed < Duration + Grace + Slack, $"the run took {elapsed}");
        Assert.Equal(0, result.AbandonedWorkers);
        Assert.True(result.Iterations.Values.All(n => n > 0), "every workload should have run");
        // Every kind of misbehaviour is in the ledger, by the endpoint it happened on.
        string[] expected =
        [
            "GET /hang: request timed out", "GET /slow: request timed out", "GET /redirect/0: unexpected redirect 302",
            "GET /oversized: response body over", "GET /oversized/chunked: response body over", "GET /reset:", "GET /truncated:",
            "[GET /invalid-utf8]: body is not valid UTF-8", "[GET /lone-surrogate]: $.room.name is not valid Unicode text",
            "[GET /not-json]: not valid JSON", "[GET /status/500]: status 500", "[GET /status/404]: status 404", "[GET /status/599]: status 599",
            "GET /sse/endless-line: event larger than", "GET /sse/wrong-type: Content-Type text/html", "GET /sse/status: status 503",
        ];
        foreach (var fragment in expected)
            Assert.True(errors.Any(e => e.Message.Contains(fragment, StringComparison.Ordinal)), $"no error recorded like '{fragment}'");
        Assert.False(metrics.Errors.HasCritical);
        Assert.True(metrics.Score.Total > 0, "the valid answers (status 200 with JSON) should have scored");
        // Bounded: the peak is a few bodies at the 4 MiB limit and event buffers at 1 MiB, not the gigabytes the target sent.
        Assert.True(peakHeap - heapAtStart < 256L * 1024 * 1024, $"heap peaked {(peakHeap - heapAtStart) / 1024} KB above its start");
        Assert.True(heapAfterSecond - heapAfterFirst < 16L * 1024 * 1024,
            $"the second run left {(heapAfterSecond - heapAfterFirst) / 1024} KB more than the first");
    }

    [Fact]
    public async Task The_isucon_load_phase_against_a_chaos_target_ends_on_time_reports_what_failed_and_keeps_its_memory()
    {
        var metrics = new RunMetrics(SystemClock.Instance, ScoreKinds.Scale);
        var sessionOptions = new SessionOptions { RequestTimeout = TimeSpan.FromSeconds(2), MaxBodyBytes = 4 * 1024 * 1024 };
        using var sessions = new SessionFactory(Targets.Parse(_target.BaseAddress.ToString()), sessionOptions, metrics);
        // The real workloads, scaled down and sped up so that an 8 s phase sees every step several times.
        var options = new LoadOptions
        {
            Duration = TimeSpan.FromSeconds(8), Seed = Seed, GracePeriod = Grace,
            MatsuriInstances = 3, MatsuriEndsBeforePhase = TimeSpan.FromSeconds(2), MatsuriStrokePause = TimeSpan.FromMilliseconds(200),
            WaveInterval = TimeSpan.FromSeconds(1), InitialWaveSize = 3,
            LoadIndexPageWorkers = 3, LoadIndexPagePause = TimeSpan.FromMilliseconds(100), LoadIndexPagePauseAfterFailure = TimeSpan.FromMilliseconds(100),
            DrawOnRandomRoomWorkers = 2, DrawOnRandomRoomPause = TimeSpan.FromMilliseconds(100),
        };
        var heapAtStart = SettledHeap();
        using var sampling = new CancellationTokenSource();
        var peak = SamplePeakHeapAsync(sampling.Token);

        var watch = Stopwatch.StartNew();
        var result = await LoadPhase.RunAsync(options, sessions, CancellationToken.None);
        watch.Stop();
        await sampling.CancelAsync();
        var peakHeap = await peak;

        output.WriteLine($"ran {watch.Elapsed.TotalSeconds:F1} s; iterations {string.Join(", ", result.Run.Iterations)}; failed {string.Join(", ", result.Run.FailedIterations)}; score {metrics.Score.Total}");
        output.WriteLine($"matsuri {result.Matsuri}");
        output.WriteLine($"heap at start {heapAtStart / 1024} KB, peak {peakHeap / 1024} KB");
        var errors = metrics.Errors.Snapshot();
        foreach (var error in errors) output.WriteLine($"  {error.Kind} x{error.Count}: {error.Message}");

        Assert.True(watch.Elapsed < options.Duration + Grace + Slack, $"the phase took {watch.Elapsed}");
        Assert.Equal(0, result.Run.AbandonedWorkers);
        Assert.All(result.Run.Iterations, pair => Assert.True(pair.Value > 0, $"{pair.Key} never ran"));
        // The workloads got as far as rooms and streams, and what the target did wrong is in the ledger.
        Assert.True(result.Matsuri.RoomsCreated > 0 && result.Matsuri.WatchersStarted > 0, $"the workloads did not get far: {result.Matsuri}");
        Assert.True(errors.Count >= 10, $"only {errors.Count} distinct errors reported");
        Assert.Contains(errors, e => e.Message.Contains("timed out", StringComparison.Ordinal));
        Assert.True(peakHeap - heapAtStart < 256L * 1024 * 1024, $"heap peaked {(peakHeap - heapAtStart) / 1024} KB above its start");
    }

    /// <summary>One run of both chaos workloads with fresh metrics and sessions, timed from outside the runner.</summary>
    private async Task<(RunMetrics Metrics, LoadRunResult Result, TimeSpan Elapsed)> RunChaosAsync()
    {
        var metrics = new RunMetrics(SystemClock.Instance, ScoreKinds.Scale);
        var options = new SessionOptions { RequestTimeout = TimeSpan.FromSeconds(2), MaxBodyBytes = 4 * 1024 * 1024 };
        using var sessions = new SessionFactory(Targets.Parse(_target.BaseAddress.ToString()), options, metrics);
        var watch = Stopwatch.StartNew();
        var result = await new LoadRunner(sessions, Seed) { GracePeriod = Grace }
            .RunAsync([HttpChaos(workers: 6), StreamChaos(workers: 4)], Duration, CancellationToken.None);
        return (metrics, result, watch.Elapsed);
    }

    [Fact]
    public async Task An_endless_event_line_is_cut_at_the_event_limit_and_memory_stays_bounded_while_it_streams()
    {
        var watchers = new Workload("endless-line", 4, async (context, cancellationToken) =>
        {
            using var session = context.NewSession();
            var client = new SseClient(session, "/sse/endless-line", new SseClientOptions { Endpoint = "GET /sse/endless-line" });
            await foreach (var _ in client.ReadAllAsync(cancellationToken)) { }
        });
        async Task<(RunMetrics Metrics, LoadRunResult Result)> RunAsync(TimeSpan duration)
        {
            var metrics = new RunMetrics(SystemClock.Instance, ScoreKinds.Scale);
            using var sessions = new SessionFactory(Targets.Parse(_target.BaseAddress.ToString()), new SessionOptions(), metrics);
            var result = await new LoadRunner(sessions, Seed) { GracePeriod = Grace }.RunAsync([watchers], duration, CancellationToken.None);
            await TargetQuietAsync();
            return (metrics, result);
        }

        // A warm-up, then two identical runs: pooled buffers stay cached after the first; a leak would grow in the second.
        await RunAsync(TimeSpan.FromSeconds(1));
        var heapBefore = SettledHeap();
        var sentBefore = _target.EndlessBytes;
        using var sampling = new CancellationTokenSource();
        var peak = SamplePeakHeapAsync(sampling.Token);
        await RunAsync(TimeSpan.FromSeconds(2.5));
        var heapAfterFirst = SettledHeap();
        var (metrics, result) = await RunAsync(TimeSpan.FromSeconds(2.5));
        await sampling.CancelAsync();
        var peakHeap = await peak;
        var heapAfterSecond = SettledHeap();
        var sent = _target.EndlessBytes - sentBefore;
        output.WriteLine($"{result.Iterations["endless-line"]} connections in the second run; target sent {sent / 1024} KB in both; " +
            $"heap {heapBefore / 1024} KB, peak {peakHeap / 1024} KB, after run 1 {heapAfterFirst / 1024} KB, after run 2 {heapAfterSecond / 1024} KB");

        Assert.Equal(0, result.AbandonedWorkers);
        var failures = metrics.Errors.Snapshot().Where(e => e.Message.Contains("event larger than 1048576 bytes", StringComparison.Ordinal)).Sum(e => e.Count);
        Assert.Equal(result.Iterations["endless-line"], failures);
        // Far more was sent than was ever held: each connection is dropped at the 1 MiB event limit.
        Assert.True(sent > 16L * 1024 * 1024, $"the target sent only {sent} bytes");
        Assert.True(peakHeap - heapBefore < 64L * 1024 * 1024, $"heap peaked {(peakHeap - heapBefore) / 1024} KB above its start");
        // Hundreds of connections per run: a leak of 50 KB each would exceed this.
        Assert.True(heapAfterSecond - heapAfterFirst < 16L * 1024 * 1024,
            $"the second run left {(heapAfterSecond - heapAfterFirst) / 1024} KB more than the first");
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Plain requests to every HTTP route; the verdicts a workload of the bench would give.</summary>
    private static Workload HttpChaos(int workers) => new("http-chaos", workers, async (context, cancellationToken) =>
    {
        // Round robin over the routes, so that every misbehaviour is met however the run's timing goes.
        var path = ChaosTarget.HttpPaths[(int)((context.WorkerIndex + context.Iteration * workers) % ChaosTarget.HttpPaths.Length)];
        using var session = context.NewSession();
        var judge = new Judge(context.Metrics);
        var response = await session.GetAsync(path, "GET " + path, cancellationToken);
        var request = "GET " + path;
        if (response.Failure != FailureKind.None || !response.Is(200))
        {
            if (!judge.Response(response, HttpRules.StatusIs(200, response.Status, request))) context.MarkFailed();
            return;
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(response.Body);
        }
        catch (DecoderFallbackException)
        {
            judge.Response(response, UnreadableAnswer.Fail(request, "UTF-8 JSON", "body is not valid UTF-8"));
            context.MarkFailed();
            return;
        }
        // The bench's own reader of API documents decides, as in a workload.
        var room = ApiDocuments.ReadRoomResponse(text);
        if (!judge.Response(response, room.Problem is { } problem ? UnreadableAnswer.Fail(request, "a room", problem) : UnreadableAnswer.Pass(request)))
            context.MarkFailed();
    });

    // What this test's workload holds against an answer it cannot read (no rule of the contract: the chaos routes are not ISUketch's).
    private static readonly Rule UnreadableAnswer = new("chaos.unreadable", "The answer could not be read", false) { NamesActual = true };

    /// <summary>
    /// Watchers on every event-stream route, each for at most a second and a half, or until a connection fails: the client would try
    /// again, but a watcher of this workload gives up then, so that each run goes through thousands of streams.
    /// </summary>
    private static Workload StreamChaos(int workers) => new("sse-chaos", workers, async (context, cancellationToken) =>
    {
        var path = ChaosTarget.StreamPaths[(int)((context.WorkerIndex + context.Iteration * workers) % ChaosTarget.StreamPaths.Length)];
        using var session = context.NewSession();
        var client = new SseClient(session, path, new SseClientOptions { Endpoint = "GET " + path });
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        watch.CancelAfter(TimeSpan.FromSeconds(1.5));
        client.OpenFailed += (_, failure) =>
        {
            context.Metrics.Errors.Add(failure.Message);
            context.MarkFailed();
            watch.Cancel();
        };
        try
        {
            // SseException (status, type, oversized event) escapes: the runner records it as the step's failure.
            await foreach (var _ in client.ReadAllAsync(watch.Token)) { }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // This watcher's time is up.
        }
    });

    /// <summary>The target runs in this process: let its endless writers finish so the heap holds only what the bench kept.</summary>
    private async Task TargetQuietAsync()
    {
        for (var waited = 0; _target.EndlessWriters > 0 && waited < 200; waited++) await Task.Delay(50);
    }

    private static async Task<long> SamplePeakHeapAsync(CancellationToken cancellationToken)
    {
        long peak = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            try { await Task.Delay(20, cancellationToken); }
            catch (OperationCanceledException) { break; }
        }
        return peak;
    }

    private static long SettledHeap()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <inheritdoc />
    public async Task DisposeAsync() => await _target.DisposeAsync();
}
