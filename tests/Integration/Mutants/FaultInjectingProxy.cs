using System.Globalization;
using System.Net;
using IsuBench.Integration.InitialCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IsuBench.Integration.Mutants;

/// <summary>
/// A reverse proxy on a free port of 127.0.0.1 in front of the reference that forwards every request with HttpClient and
/// applies one <see cref="Mutant"/>'s faults: buffered responses are altered whole, SSE responses line by line as they stream.
/// The reference itself stays correct, so one server serves every mutant.
/// </summary>
public sealed class FaultInjectingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
        { "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Content-Length", "Content-Type", "Upgrade" };

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;

    private FaultInjectingProxy(WebApplication app, HttpClient upstream)
    {
        _app = app;
        _upstream = upstream;
    }

    /// <summary>Where the proxy listens.</summary>
    public Uri BaseAddress => new(_app.Urls.First());

    /// <summary>
    /// Starts a proxy to <paramref name="upstream"/> applying <paramref name="mutant"/> (null: a faithful proxy). With
    /// <paramref name="watchers"/>, a stream goes to the reference only if the claim may hold its room, and holds it while it lasts.
    /// </summary>
    public static async Task<FaultInjectingProxy> StartAsync(Uri upstream, Mutant? mutant, WatcherRoomClaim? watchers = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = upstream,
            Timeout = Timeout.InfiniteTimeSpan, // streams are long; the bench's own timeouts bound everything else
        };
        var proxy = new FaultInjectingProxy(app, client);
        app.Run(context => proxy.ForwardAsync(context, mutant, watchers));
        await app.StartAsync();
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context, Mutant? mutant, WatcherRoomClaim? watchers)
    {
        var cancellationToken = context.RequestAborted;
        var incoming = context.Request;
        // Declared before the upstream response, so the room is let go only after the stream to the reference closed.
        var roomId = watchers is null ? null : StreamRoom(incoming.Path.Value);
        using var heldRoom = roomId is { } id ? watchers!.TryHoldStream(id) : null;
        if (roomId is not null && heldRoom is null)
        {
            // Another run's watchers are in the room: each would count the other's. This run is void (see WatcherRoomLedger).
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        using var request = new HttpRequestMessage(new HttpMethod(incoming.Method), incoming.Path.Value + incoming.QueryString.Value);
        foreach (var header in incoming.Headers)
        {
            if (!HopHeaders.Contains(header.Key)) request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
        }
        if (incoming.ContentLength > 0 || incoming.Headers.ContainsKey("Transfer-Encoding"))
        {
            using var body = new MemoryStream();
            await incoming.Body.CopyToAsync(body, cancellationToken);
            request.Content = new ByteArrayContent(body.ToArray());
            if (incoming.ContentType is { } type) request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        }
        var lastEventId = request.Headers.TryGetValues("Last-Event-ID", out var ids) ? ids.First() : null;
        mutant?.Request?.Invoke(request);

        using var response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var contentType = response.Content.Headers.ContentType?.ToString();
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopHeaders.Contains(header.Key)) context.Response.Headers[header.Key] = header.Value.ToArray();
        }
        if (contentType?.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase) == true)
        {
            await RelayStreamAsync(context, response, mutant, new StreamConnection(incoming.Path.Value ?? "", lastEventId), contentType, cancellationToken);
            return;
        }

        var buffered = new ProxyResponse(incoming.Method, incoming.Path.Value ?? "", (int)response.StatusCode, contentType,
            await response.Content.ReadAsByteArrayAsync(cancellationToken));
        mutant?.Response?.Invoke(buffered);
        context.Response.StatusCode = buffered.Status;
        if (buffered.ContentType is not null) context.Response.ContentType = buffered.ContentType;
        context.Response.ContentLength = buffered.Body.Length;
        await context.Response.Body.WriteAsync(buffered.Body, cancellationToken);
    }

    /// <summary>The room of a stream path (<c>/api/stream/rooms/{id}</c>), or null for any other path.</summary>
    private static long? StreamRoom(string? path) =>
        path is not null && path.StartsWith(StreamPrefix, StringComparison.Ordinal)
            && long.TryParse(path.AsSpan(StreamPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private const string StreamPrefix = "/api/stream/rooms/";

    private static async Task RelayStreamAsync(
        HttpContext context, HttpResponseMessage response, Mutant? mutant, StreamConnection connection, string contentType, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = mutant?.StreamContentType ?? contentType;
        await context.Response.Body.FlushAsync(cancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        try
        {
            while (!connection.End && await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith("event:", StringComparison.Ordinal)) connection.EventType = line["event:".Length..].Trim();
                if (line.Length == 0 && connection.EventType == "stroke") connection.Strokes++;
                var lines = mutant?.StreamLine?.Invoke(connection, line) ?? [line];
                foreach (var output in lines) await context.Response.WriteAsync(output + "\n", cancellationToken);
                if (line.Length == 0)
                {
                    connection.EventType = null;
                    await context.Response.Body.FlushAsync(cancellationToken);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && cancellationToken.IsCancellationRequested)
        {
            // The client left: nothing more to relay.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
