using System.Runtime.CompilerServices;
using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;
using IsuBench.Engine.Sse;

namespace IsuBench.Scenarios.Api;

/// <summary>
/// A room's event stream as the watchers of the initial check and of the load read it: the SSE client on the room's stream path,
/// the run's gauge of connected watchers kept, connections that could not be made reported as errors, every event read as a
/// <see cref="RoomEvent"/>.
/// </summary>
internal sealed class RoomStream
{
    private readonly SseClient _client;
    private readonly StrokeEventReadings? _strokes;

    /// <summary>
    /// Prepares the stream of <paramref name="roomId"/> for <paramref name="token"/>; nothing is sent before <see cref="ReadAsync"/>.
    /// Stroke events are read through <paramref name="strokes"/> when given.
    /// </summary>
    public RoomStream(Session session, long roomId, string token, SseClientOptions options, RunMetrics metrics, StrokeEventReadings? strokes = null)
    {
        _strokes = strokes;
        _client = new SseClient(session, IsuketchApi.StreamPath(roomId, token), options with { Endpoint = Endpoints.Stream });
        Gauge watchers = metrics.Watchers;
        _client.Connected += _ => watchers.Increment();
        _client.Disconnected += _ => watchers.Decrement();
        // The watcher stays and the client tries again, as the original's did; each failure is an ordinary error.
        _client.OpenFailed += (_, failure) => metrics.Errors.Add(failure.Message);
    }

    /// <summary>
    /// The verdict of the stream rule that <paramref name="failure"/> breaks, when a rule decides it (a wrong status or
    /// Content-Type); null for failures no rule speaks of (an oversized event, a connection, the bench's capacity).
    /// </summary>
    public static Verdict? RuleVerdictOf(SseException failure) => failure.Kind switch
    {
        SseFailureKind.Status => StreamRules.StatusIsOk(failure.Status ?? 0, Endpoints.Stream),
        SseFailureKind.ContentType => StreamRules.ContentTypeIsEventStream(failure.ContentType, Endpoints.Stream),
        _ => null,
    };

    /// <summary>
    /// The stream's events until cancelled, reconnecting as the SSE client does; throws <see cref="SseException"/> when the stream
    /// is not one (<see cref="RuleVerdictOf"/> gives its verdict) or the bench ran out of capacity.
    /// </summary>
    public async IAsyncEnumerable<RoomEvent> ReadAsync(string request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in _client.ReadAllAsync(cancellationToken))
        {
            yield return RoomEvent.Read(item, request, _strokes);
        }
    }
}
