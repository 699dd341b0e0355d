using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using IsuBench.Scenarios.Engine;

namespace IsuBench.Scenarios.Sse;

/// <summary>
/// An EventSource-like client over a <see cref="Session"/>: opens the stream, checks status and
/// Content-Type, yields events, and whenever the server ends the response (cleanly, aborted or reset)
/// reconnects after the retry interval with <c>Last-Event-ID</c>. Stops when cancelled.
/// </summary>
public sealed class SseClient(
    Session session, string pathAndQuery, SseClientOptions options, Func<TimeSpan, CancellationToken, Task>? wait = null)
{
    private readonly ReconnectPolicy _reconnect = new(options);
    // Injected by tests to observe the waits; the real one is Task.Delay.
    private readonly Func<TimeSpan, CancellationToken, Task> _wait = wait ?? Task.Delay;

    /// <summary>The last event id received, sent as <c>Last-Event-ID</c> on reconnection.</summary>
    public string? LastEventId { get; private set; }

    /// <summary>The wait the client will use before its next reconnection.</summary>
    public TimeSpan RetryDelay => _reconnect.Delay;

    /// <summary>Responses opened so far (1 + reconnections).</summary>
    public int Connections { get; private set; }

    /// <summary>True while a response is open.</summary>
    public bool IsConnected { get; private set; }

    /// <summary>Raised after each successful (re)connection, before its events.</summary>
    public event Action<SseClient>? Connected;

    /// <summary>Raised when a response ends, however it ended.</summary>
    public event Action<SseClient>? Disconnected;

    /// <summary>
    /// Yields events until cancelled. Throws <see cref="SseException"/> for failures that reconnecting
    /// does not fix (status, Content-Type, oversized event, a stream that cannot be opened), and
    /// <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    public async IAsyncEnumerable<SseEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var response = await OpenAsync(cancellationToken);
            IsConnected = true;
            Connections++;
            Connected?.Invoke(this);
            // One iterator per watcher, not one per connection nested in another: a watcher is mostly an
            // idle pending read, and every state machine on its path stays alive for as long as it waits.
            Stream? body = null;
            SseParser<string>? parser = null;
            IAsyncEnumerator<SseItem<string>>? events = null;
            // A stalled read must end on cancellation even if the transport ignores the token.
            var abort = cancellationToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response);
            try
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        if (events is null)
                        {
                            body = new NormalizedEventStream(await response.Content.ReadAsStreamAsync(cancellationToken), options.MaxEventBytes);
                            parser = SseParser.Create(body, static (_, data) => Encoding.UTF8.GetString(data));
                            events = parser.EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
                        }
                        more = await events.MoveNextAsync();
                    }
                    catch (Exception) when (cancellationToken.IsCancellationRequested)
                    {
                        // Cancellation may surface as a disposed or aborted stream; report it as cancellation.
                        throw new OperationCanceledException(cancellationToken);
                    }
                    catch (EventTooLargeException tooLarge)
                    {
                        throw new SseException(SseFailureKind.EventTooLarge, $"{options.Endpoint}: {tooLarge.Message}", tooLarge);
                    }
                    catch (Exception exception) when (!cancellationToken.IsCancellationRequested
                        && exception is IOException or HttpRequestException or ObjectDisposedException)
                    {
                        more = false; // aborted or reset: reconnect like a clean end
                    }
                    if (!more)
                    {
                        break;
                    }
                    var item = events!.Current;
                    Remember(parser!);
                    yield return new SseEvent(item.EventType, item.Data, LastEventId, session.Metrics.Clock.UtcNow);
                }
            }
            finally
            {
                if (events is not null)
                {
                    await events.DisposeAsync();
                }
                if (parser is not null)
                {
                    Remember(parser);
                }
                await abort.DisposeAsync();
                if (body is not null)
                {
                    await body.DisposeAsync();
                }
                IsConnected = false;
                Disconnected?.Invoke(this);
            }
            await _wait(_reconnect.Delay, cancellationToken);
        }
    }

    private void Remember(SseParser<string> parser)
    {
        // The parser keeps the id of an id-only block (no data, so nothing dispatched) for the next events.
        if (!string.IsNullOrEmpty(parser.LastEventId))
        {
            LastEventId = parser.LastEventId;
        }
        _reconnect.Observe(parser.ReconnectionInterval);
    }

    private async Task<HttpResponseMessage> OpenAsync(CancellationToken cancellationToken)
    {
        var metrics = session.Metrics;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(session.Origin, pathAndQuery));
        request.Headers.TryAddWithoutValidation("Accept", "text/event-stream");
        request.Headers.TryAddWithoutValidation("Cache-Control", "no-cache");
        if (LastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", LastEventId);
        }
        var started = metrics.Clock.Monotonic;
        HttpResponseMessage response;
        try
        {
            response = await session.SendRawAsync(request, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is HttpRequestException or IOException)
        {
            metrics.Endpoints.RecordRequest(options.Endpoint, metrics.Clock.Monotonic - started);
            if (BenchCapacity.IsExhausted(exception))
            {
                metrics.Errors.AddCapacity("out of sockets or open files");
                throw new SseException(SseFailureKind.BenchCapacity, $"{options.Endpoint}: {ErrorLedger.CapacityMessage}", exception);
            }
            metrics.Endpoints.RecordError(options.Endpoint);
            throw new SseException(SseFailureKind.Transport, $"{options.Endpoint}: {exception.Message}", exception);
        }
        metrics.Endpoints.RecordRequest(options.Endpoint, metrics.Clock.Monotonic - started);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            int status = (int)response.StatusCode;
            response.Dispose();
            metrics.Endpoints.RecordError(options.Endpoint);
            throw new SseException(SseFailureKind.Status, $"{options.Endpoint}: status {status}, expected 200");
        }
        string? mediaType = MediaTypeOf(response.Content.Headers);
        if (!string.Equals(mediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            response.Dispose();
            metrics.Endpoints.RecordError(options.Endpoint);
            throw new SseException(SseFailureKind.ContentType,
                $"{options.Endpoint}: Content-Type {mediaType ?? "(none)"}, expected text/event-stream");
        }
        return response;
    }

    // Parsed without the typed ContentType property, which would keep a parsed header object alive for as long as the stream is open.
    private static string? MediaTypeOf(HttpContentHeaders headers) =>
        headers.NonValidated.TryGetValues("Content-Type", out var values) && values.Count == 1
        && MediaTypeHeaderValue.TryParse(values.ToString(), out var parsed)
            ? parsed.MediaType
            : null;
}
