using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;
using IsuBench.Engine.Sse.Transport;

namespace IsuBench.Engine.Sse;

/// <summary>
/// An EventSource-like client over a <see cref="Session"/>: opens the stream, checks status and
/// Content-Type, yields events, and whenever the server ends the response (cleanly, aborted or reset)
/// reconnects after the retry interval with <c>Last-Event-ID</c>. Stops when cancelled.
/// </summary>
public sealed class SseClient(
    Session session, string pathAndQuery, SseClientOptions options, Func<TimeSpan, CancellationToken, Task>? wait = null)
{
    /// <summary>The media type of an event stream.</summary>
    public const string EventStreamMediaType = "text/event-stream";

    private readonly ReconnectPolicy _reconnect = new(options);
    private readonly IEventStreamTransport _transport =
        options.Transport == SseTransport.Socket && session.Origin.Scheme == Uri.UriSchemeHttp
            ? SocketEventStreamTransport.Instance
            : HttpClientEventStreamTransport.Instance;
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

    /// <summary>Raised when a connection could not be made; the client tries again after the retry interval.</summary>
    public event Action<SseClient, SseException>? OpenFailed;

    /// <summary>
    /// Yields events until cancelled. Throws <see cref="SseException"/> for failures that reconnecting
    /// does not fix (status, Content-Type, oversized event, the bench's own capacity), and
    /// <see cref="OperationCanceledException"/> when cancelled. A connection that cannot be made is tried
    /// again after the retry interval (<see cref="OpenFailed"/> tells), as browsers and the original benchmark did.
    /// </summary>
    public async IAsyncEnumerable<SseEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            // Cancelled between two attempts ends the same way as cancelled in one: with OperationCanceledException, never
            // as a stream that simply ended.
            cancellationToken.ThrowIfCancellationRequested();
            EventStreamResponse opened;
            try
            {
                opened = await OpenAsync(cancellationToken);
            }
            catch (SseException failure) when (failure.Kind == SseFailureKind.Transport)
            {
                OpenFailed?.Invoke(this, failure);
                await _wait(_reconnect.Delay, cancellationToken);
                continue;
            }
            using var response = opened;
            IsConnected = true;
            Connections++;
            Connected?.Invoke(this);
            // One iterator per watcher, not one per connection nested in another: a watcher is mostly an
            // idle pending read, and every state machine on its path stays alive for as long as it waits.
            var parser = SseParser.Create(new NormalizedEventStream(response.Body, options.MaxEventBytes),
                static (_, data) => Encoding.UTF8.GetString(data));
            var events = parser.EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            // A stalled read must end on cancellation even if the transport ignores the token.
            var abort = cancellationToken.Register(static state => ((EventStreamResponse)state!).Dispose(), response);
            try
            {
                while (true)
                {
                    bool more;
                    try
                    {
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
                    catch (Exception exception) when (exception is IOException or HttpRequestException or ObjectDisposedException)
                    {
                        more = false; // aborted or reset: reconnect like a clean end
                    }
                    if (!more)
                    {
                        break;
                    }
                    var item = events.Current;
                    Remember(parser);
                    yield return new SseEvent(item.EventType, item.Data, LastEventId, session.Clock.UtcNow);
                }
            }
            finally
            {
                await events.DisposeAsync();
                Remember(parser);
                await abort.DisposeAsync();
                response.Dispose(); // now, not after the reconnection wait: a closed stream must not hold its socket meanwhile
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

    // Opening a stream is a request like any other: timed and counted by the session's recorder until its head has arrived.
    private async Task<EventStreamResponse> OpenAsync(CancellationToken cancellationToken)
    {
        var uri = new Uri(session.Origin, pathAndQuery);
        var timing = session.Requests.Begin(options.Endpoint);
        EventStreamResponse response;
        try
        {
            response = await _transport.OpenAsync(session, uri, LastEventId, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is HttpRequestException or IOException)
        {
            throw timing.Failed(status: 0, exception) == FailureKind.BenchCapacity
                ? new SseException(SseFailureKind.BenchCapacity, $"{options.Endpoint}: {ErrorLedger.CapacityMessage}", exception)
                : new SseException(SseFailureKind.Transport, $"{options.Endpoint}: {exception.Message}", exception);
        }
        // The EventSource spec (HTML, "Server-sent events", §9.2.3): "if res's status is not 200, or if res's `Content-Type` is not
        // `text/event-stream`, then fail the connection". Parameters such as charset may follow the type, as the original accepted;
        // the stream rules turn the status and Content-Type carried by the exception into a verdict where the caller judges.
        if (response.Status != 200)
        {
            timing.Failed(response.Status);
            int code = response.Status;
            string? type = response.ContentType;
            response.Dispose();
            throw new SseException(SseFailureKind.Status, $"{options.Endpoint}: status {code}, expected 200") { Status = code, ContentType = type };
        }
        if (response.ContentType?.StartsWith(EventStreamMediaType, StringComparison.Ordinal) != true)
        {
            timing.Failed(response.Status);
            string? type = response.ContentType;
            response.Dispose();
            throw new SseException(SseFailureKind.ContentType, $"{options.Endpoint}: Content-Type {type ?? "(none)"}, expected {EventStreamMediaType}")
            {
                Status = 200,
                ContentType = type,
            };
        }
        timing.Answered(response.Status);
        return response;
    }
}
