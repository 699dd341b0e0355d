using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace IsuBench.Reference.Hosting;

/// <summary>
/// <c>--workers N</c>: the server as a pool of N synchronous workers, the kind many contestants start from (gunicorn's sync
/// workers, Unicorn, php-fpm, Starlet). At most N requests run at once, each to its end, a stream for all of its polls; the
/// others wait their turn in arrival order. A worker serves one request per connection (<c>Connection: close</c>), and does
/// not notice a client that gave up: a request whose client left while it waited still takes its turn and runs to its end,
/// as it would in a worker that reads it from the listen queue later. Off unless given (docs/fidelity.md, a server that runs
/// out of workers).
/// </summary>
internal sealed class WorkerPool
{
    /// <summary>The most workers <c>--workers</c> takes.</summary>
    public const int MaxWorkers = 10_000;

    private readonly SemaphoreSlim _free;

    private WorkerPool(int workers)
    {
        Workers = workers;
        _free = new SemaphoreSlim(workers, workers);
    }

    /// <summary>How many requests run at once.</summary>
    public int Workers { get; }

    /// <summary>Reads <c>--workers</c>: null when not given; throws <see cref="StartupException"/> for anything but 1 to <see cref="MaxWorkers"/>.</summary>
    public static WorkerPool? Parse(string? text) =>
        text is null ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var workers) && workers is >= 1 and <= MaxWorkers
            ? new WorkerPool(workers)
            : throw new StartupException($"--workers '{text}': give how many requests the server runs at once, from 1 to {MaxWorkers}");

    /// <summary>Runs <paramref name="next"/> for <paramref name="context"/> once a worker is free, to its end whatever the client does.</summary>
    public async Task ServeAsync(HttpContext context, RequestDelegate next)
    {
        // No cancellation: a queued request is already in the worker's listen queue, and is served when its turn comes.
        await _free.WaitAsync(CancellationToken.None);
        try
        {
            context.Response.Headers[HeaderNames.Connection] = "close";
            context.RequestAborted = CancellationToken.None;
            await next(context);
        }
        finally
        {
            _free.Release();
        }
    }
}
