using System.Collections.Concurrent;
using System.Diagnostics;
using IsuBench.Engine.Execution;
using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;
using IsuBench.Engine.Sse;

namespace IsuBench.Benchmarks.SseCapacity;

/// <summary>Opens SSE watchers through the engine's sessions and client until each checkpoint or the process's limits, and reports memory and delivery latency.</summary>
public static class WatcherRamp
{
    private const int Batch = 250;

    /// <summary>Runs the ramp and prints one Markdown table row per checkpoint.</summary>
    public static async Task<int> RunAsync(CommandLineOptions options, CancellationToken cancellationToken)
    {
        var target = new Uri(options.Text("target", "http://127.0.0.1:5099"));
        var checkpoints = options.Text("checkpoints", "1000,10000").Split(',').Select(int.Parse).ToList();
        int max = options.Int("max", 19_800);
        var settle = TimeSpan.FromSeconds(options.Int("settle", 10));
        // socket: the engine's default for http (its own socket per stream); shared / per-session: HttpClient with a shared pool or one per session.
        string transport = options.Text("transport", "socket");
        var mode = transport == "per-session" ? TransportMode.PerSession : TransportMode.SharedPool;
        var streams = transport == "socket" ? SseTransport.Socket : SseTransport.HttpClient;
        string label = transport switch
        {
            "socket" => "Socket (engine's own)",
            "per-session" => "HttpClient, pool per session",
            _ => "HttpClient, shared pools",
        };
        checkpoints = checkpoints.Where(c => c < max).Append(max).ToList();

        var metrics = new RunMetrics(SystemClock.Instance);
        using var sessions = new SessionFactory(new Targets([target]), new SessionOptions { Transport = mode }, metrics);
        var failures = new ConcurrentDictionary<SseFailureKind, int>();
        var window = new DeliveryStats();
        var random = new Random(1);
        using var stopWatchers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watchers = new List<Task>();
        long baselineRss = ProcessMemory.ResidentBytes();
        long baselineHeap = ProcessMemory.ManagedBytes();
        var clock = Stopwatch.StartNew();
        bool limitReached = false;
        // The previous checkpoint's RSS after a full GC and its watchers, for the cost of the watchers added since.
        (long Rss, long Watchers)? previous = null;

        async Task WatchAsync(Session session)
        {
            using (session)
            {
                var client = new SseClient(session, "/stream", new SseClientOptions { Endpoint = "GET /stream", Transport = streams });
                client.Connected += _ => metrics.Watchers.Increment();
                client.Disconnected += _ => metrics.Watchers.Decrement();
                try
                {
                    await foreach (var item in client.ReadAllAsync(stopWatchers.Token))
                    {
                        if (item.Type == "stroke" && long.TryParse(item.Data, out long sentTicks))
                        {
                            Volatile.Read(ref window).Record(TimeSpan.FromTicks(item.ReceivedAt.UtcTicks - sentTicks));
                        }
                    }
                }
                catch (SseException exception)
                {
                    failures.AddOrUpdate(exception.Kind, 1, static (_, n) => n + 1);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }

        Console.WriteLine($"| transport | target | connected | open time | delivery p50 / p99 (ms) | RSS per watcher (after full GC) | heap per watcher | RSS per added watcher | failures |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (int checkpoint in checkpoints)
        {
            while (!limitReached && watchers.Count < checkpoint && !cancellationToken.IsCancellationRequested)
            {
                int count = Math.Min(Batch, checkpoint - watchers.Count);
                for (int i = 0; i < count; i++)
                {
                    var session = sessions.Create(random);
                    watchers.Add(Task.Run(() => WatchAsync(session), CancellationToken.None));
                }
                // Wait until this batch is connected or has failed, so the ramp never outruns the server.
                var deadline = clock.Elapsed + TimeSpan.FromSeconds(15);
                while (metrics.Watchers.Value + failures.Values.Sum() < watchers.Count && clock.Elapsed < deadline)
                {
                    await Task.Delay(50, cancellationToken);
                }
                limitReached = !failures.IsEmpty || metrics.Watchers.Value + failures.Values.Sum() < watchers.Count;
            }
            var openTime = clock.Elapsed;
            Volatile.Write(ref window, new DeliveryStats());
            await Task.Delay(settle, cancellationToken);
            var delivery = Volatile.Read(ref window).Snapshot();
            long connected = Math.Max(1, metrics.Watchers.Value);
            long rss = ProcessMemory.ResidentBytes() - baselineRss;
            long heap = ProcessMemory.ManagedBytes() - baselineHeap;
            long rssAfterGc = ProcessMemory.ResidentBytes() - baselineRss;
            string added = previous is { } before && metrics.Watchers.Value > before.Watchers
                ? $"{(rssAfterGc - before.Rss) / (double)(metrics.Watchers.Value - before.Watchers) / 1024.0:0.0} KB"
                : "-";
            previous = (rssAfterGc, metrics.Watchers.Value);
            string failed = failures.IsEmpty ? "none" : string.Join(", ", failures.Select(pair => $"{pair.Key} {pair.Value}"));
            Console.WriteLine(
                $"| {label} | {checkpoint} | {metrics.Watchers.Value} | {openTime.TotalSeconds:0.0} s | {delivery.P50Ms:0} / {delivery.P99Ms:0} " +
                $"| {rss / connected / 1024.0:0.0} KB ({rssAfterGc / connected / 1024.0:0.0} KB) | {heap / connected / 1024.0:0.0} KB | {added} | {failed} |");
            if (limitReached)
            {
                Console.WriteLine($"limit reached at {metrics.Watchers.Value} connected watchers; capacity errors: " +
                    $"{metrics.Errors.TotalOf(ErrorKind.BenchCapacity)}, open files: {ProcessMemory.OpenFiles()}");
                break;
            }
        }

        stopWatchers.Cancel();
        await Task.WhenAll(watchers).WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        return 0;
    }
}
