using System.Globalization;
using IsuBench.Checks.Rules;
using IsuBench.Scenarios.Engine;
using IsuBench.Scenarios.Sse;

namespace IsuBench.Scenarios.Workloads;

/// <summary>
/// One Matsuri watcher: a new session GETs <c>/rooms/{id}</c> for a token, then follows the room's SSE stream
/// (reconnecting with <c>Last-Event-ID</c>, also after a connection that could not be made) until it leaves: on a late
/// stroke, a <c>bad_request</c>, a non-200 or wrong Content-Type, an unreadable stroke, or at the end of its instance. Every stroke it receives goes to the
/// instance's delivery scoring. Never throws; the session is its own and is disposed at the end.
/// </summary>
public sealed class RoomWatcher(WatcherState state, Session session, long roomId, MatsuriRoom room)
{
    /// <summary>Runs until the watcher leaves or <paramref name="cancellationToken"/> (the end of the instance) fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var metrics = session.Metrics;
        if (!room.Slots.TryTake())
        {
            state.LeaveForCapacity();
            room.Counters.WatcherRefused();
            metrics.Errors.AddCapacity("open watcher limit of the bench reached");
            session.Dispose();
            return;
        }
        room.Counters.ObserveOpen(room.Slots.Used);
        try
        {
            await WatchAsync(metrics, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The instance ended: every watcher leaves.
        }
        catch (SseException failure) when (failure.Kind == SseFailureKind.BenchCapacity)
        {
            state.LeaveForCapacity();
            room.Counters.WatcherRefused();
        }
        catch (SseException failure)
        {
            string message = failure.Kind switch
            {
                SseFailureKind.Status => $"{StreamRules.Status.Message}: {failure.Message}",
                SseFailureKind.ContentType => $"{StreamRules.ContentType.Message}: {failure.Message}",
                _ => failure.Message,
            };
            LeaveWithError(metrics, message);
        }
        catch (Exception unexpected)
        {
            // Anything else (a bug, a cancellation not ours) must not take the instance down with it.
            LeaveWithError(metrics, $"{LoadRequests.Stream}: {unexpected.GetType().Name}: {unexpected.Message}");
        }
        finally
        {
            state.Leave();
            room.Slots.Release();
            session.Dispose();
        }
    }

    private async Task WatchAsync(RunMetrics metrics, CancellationToken cancellationToken)
    {
        string id = roomId.ToString(CultureInfo.InvariantCulture);
        var (token, page) = await LoadRequests.FetchPageTokenWithResponseAsync(session, "/rooms/" + id, LoadRequests.RoomPage, cancellationToken);
        if (token is null)
        {
            if (page.Failure == FailureKind.BenchCapacity)
            {
                state.LeaveForCapacity();
                room.Counters.WatcherRefused();
            }
            else
            {
                state.Leave();
                room.Counters.WatcherLeftEarly();
            }
            return;
        }
        var client = new SseClient(session, $"/api/stream/rooms/{id}?csrf_token={Uri.EscapeDataString(token)}",
            new SseClientOptions { CompatRetry = room.Options.CompatRetry, Endpoint = LoadRequests.Stream, Transport = room.Options.SseTransport });
        client.Connected += _ => metrics.Watchers.Increment();
        client.Disconnected += _ => metrics.Watchers.Decrement();
        // The watcher stays and the client tries again, as the original's did; each failure is an ordinary error.
        client.OpenFailed += (_, failure) => metrics.Errors.Add(failure.Message);
        state.MarkJoined();
        await foreach (var item in client.ReadAllAsync(cancellationToken))
        {
            if (!Handle(metrics, item))
            {
                return;
            }
        }
    }

    // False when the watcher leaves.
    private bool Handle(RunMetrics metrics, SseEvent item)
    {
        switch (item.Type)
        {
            case "stroke":
                var stroke = StreamRules.ReadStrokeEvent(item.Data, LoadRequests.Stream);
                if (!stroke.Ok)
                {
                    LeaveWithError(metrics, LoadRequests.Describe(stroke.Verdict, withActual: false));
                    return false;
                }
                room.Receive(new StrokeReceipt(state.Id, stroke.Value!.Id, stroke.Value.Points.Count, item.ReceivedAt, state.JoinedAt!.Value));
                var inTime = state.OnStroke(stroke.Value, item.ReceivedAt, LoadRequests.Stream);
                if (!inTime.Passed)
                {
                    // The evidence holds times; the message alone keeps the ledger de-duplicated.
                    LeaveWithError(metrics, LoadRequests.Describe(inTime, withActual: false));
                    return false;
                }
                return true;
            case "bad_request":
                LeaveWithError(metrics, LoadRequests.Describe(StreamRules.NotBadRequest(item.Type, item.Data, LoadRequests.Stream)));
                return false;
            case "watcher_count":
                var count = StreamRules.ReadWatcherCountEvent(item.Data, LoadRequests.Stream);
                if (!count.Ok)
                {
                    metrics.Errors.Add(LoadRequests.Describe(count.Verdict));
                }
                return true;
            default:
                return true;
        }
    }

    private void LeaveWithError(RunMetrics metrics, string message)
    {
        metrics.Errors.Add(message);
        if (!state.LeftForCapacity)
        {
            room.Counters.WatcherLeftEarly();
        }
        state.Leave();
    }
}
