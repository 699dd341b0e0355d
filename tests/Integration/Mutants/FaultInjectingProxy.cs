using System.Net;
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

    /// <summary>Starts a proxy to <paramref name="upstream"/> applying <paramref name="mutant"/> (null: a faithful proxy).</summary>
    public static async Task<FaultInjectingProxy> StartAsync(Uri upstream, Mutant? mutant)
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
        app.Run(context => proxy.ForwardAsync(context, mutant));
        await app.StartAsync();
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context, Mutant? mutant)
    {
        var cancellationToken = context.RequestAborted;
        var incoming = context.Request;
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
