using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IsuBench.Benchmarks.SseCapacity;

/// <summary>A minimal push server: <c>/stream</c> holds an event stream and gets one event per second carrying its send time; <c>/hello</c> answers "ok".</summary>
public static class PushServer
{
    /// <summary>Serves on 127.0.0.1:<paramref name="port"/> until cancelled.</summary>
    public static async Task<int> RunAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.UseSockets(options => options.Backlog = 4096);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var streams = new ConcurrentDictionary<long, HttpResponse>();
        long nextId = 0;
        app.MapGet("/hello", () => "ok");
        app.MapGet("/stream", async context =>
        {
            long id = Interlocked.Increment(ref nextId);
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("retry: 1000\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            streams[id] = context.Response;
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                streams.TryRemove(id, out _);
            }
        });
        await app.StartAsync(cancellationToken);
        Console.WriteLine($"push server on 127.0.0.1:{port}");
        // The host handles SIGTERM itself (it stops the application), so stop pushing when it does.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        long eventId = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stopping.Token))
            {
                eventId++;
                byte[] payload = Encoding.UTF8.GetBytes($"id: {eventId}\nevent: stroke\ndata: {DateTime.UtcNow.Ticks}\n\n");
                await Task.WhenAll(streams.Values.Select(response => SendAsync(response, payload)));
            }
        }
        catch (OperationCanceledException)
        {
        }
        await app.StopAsync(CancellationToken.None);
        return 0;
    }

    private static async Task SendAsync(HttpResponse response, byte[] payload)
    {
        try
        {
            await response.Body.WriteAsync(payload, response.HttpContext.RequestAborted);
            await response.Body.FlushAsync(response.HttpContext.RequestAborted);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or InvalidOperationException or ObjectDisposedException)
        {
            // The watcher left; its handler removes it.
        }
    }
}
