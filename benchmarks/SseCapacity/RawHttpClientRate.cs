using System.Diagnostics;

namespace IsuBench.Benchmarks.SseCapacity;

/// <summary>The same loop with a bare <see cref="HttpClient"/>, to tell the engine's overhead from HttpClient's own.</summary>
public static class RawHttpClientRate
{
    /// <summary>Prints raw_rps and raw_cpu_us_per_request.</summary>
    public static async Task<int> RunAsync(Uri target, TimeSpan duration, int concurrency, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, UseProxy = false }) { BaseAddress = target };
        long requests = 0;
        await LoopAsync(TimeSpan.FromSeconds(2));
        requests = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await LoopAsync(duration);
        var elapsed = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.WriteLine($"raw_rps={requests / elapsed.TotalSeconds:0}");
        Console.WriteLine($"raw_cpu_us_per_request={cpu.TotalMicroseconds / Math.Max(1, requests):0.0}");
        return 0;

        async Task LoopAsync(TimeSpan length)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stop.CancelAfter(length);
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        using var response = await client.GetAsync("/hello", stop.Token);
                        await response.Content.ReadAsByteArrayAsync(stop.Token);
                        Interlocked.Increment(ref requests);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }, CancellationToken.None)));
        }
    }
}
