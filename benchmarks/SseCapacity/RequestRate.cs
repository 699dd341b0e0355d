using System.Diagnostics;
using IsuBench.Checks.Rules;
using IsuBench.Engine.Execution;
using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;

namespace IsuBench.Benchmarks.SseCapacity;

/// <summary>The bench's own request rate against a trivial endpoint, through the engine's sessions (timing, histograms, scoring included).</summary>
public static class RequestRate
{
    /// <summary>Runs <c>--concurrency</c> loops for <c>--seconds</c> and prints requests/s and CPU per request.</summary>
    public static async Task<int> RunAsync(CommandLineOptions options, CancellationToken cancellationToken)
    {
        var target = new Uri(options.Text("target", "http://127.0.0.1:5099"));
        var duration = TimeSpan.FromSeconds(options.Int("seconds", 10));
        int concurrency = options.Int("concurrency", 64);
        if (options.Text("raw", "no") == "yes")
        {
            return await RawHttpClientRate.RunAsync(target, duration, concurrency, cancellationToken);
        }
        var metrics = new RunMetrics(SystemClock.Instance);
        using var sessions = new SessionFactory(new Targets([target]), new SessionOptions(), metrics);
        var random = new Random(1);

        // Warm up connections and the JIT before measuring.
        await LoopAsync(TimeSpan.FromSeconds(2));
        long before = metrics.Score.CountOf(ScoreKind.Get);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await LoopAsync(duration);
        var elapsed = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        long requests = metrics.Score.CountOf(ScoreKind.Get) - before;
        long failed = metrics.Endpoints.Snapshot().Sum(e => e.Errors);
        Console.WriteLine($"bench_rps={requests / elapsed.TotalSeconds:0}");
        Console.WriteLine($"bench_cpu_us_per_request={cpu.TotalMicroseconds / Math.Max(1, requests):0.0}");
        Console.WriteLine($"bench_errors={failed}");
        return 0;

        async Task LoopAsync(TimeSpan length)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stop.CancelAfter(length);
            var loopSessions = Enumerable.Range(0, concurrency).Select(_ => sessions.Create(random)).ToList();
            await Task.WhenAll(loopSessions.Select(session => Task.Run(async () =>
            {
                using var owned = session;
                while (!stop.IsCancellationRequested)
                {
                    SessionResponse response;
                    try
                    {
                        response = await session.GetAsync("/hello", "GET /hello", stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                    if (response.Is(200))
                    {
                        session.Succeed(response);
                    }
                    else if (response.Failure == FailureKind.None)
                    {
                        session.Fail(response, $"GET /hello: status {response.Status}");
                    }
                }
            }, CancellationToken.None)));
        }
    }
}
