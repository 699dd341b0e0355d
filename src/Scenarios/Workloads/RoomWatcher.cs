using IsuBench.Checks.Verdicts;
using IsuBench.Engine.Http;
using IsuBench.Engine.Sse;
using IsuBench.Scenarios.Api;

namespace IsuBench.Scenarios.Workloads;

/// <summary>
/// One Matsuri watcher of the load phase: a new session GETs <c>/rooms/{id}</c> for a token, then follows the room's stream (reconnecting with
/// <c>Last-Event-ID</c>, also after a connection that could not be made) until it leaves: on a late stroke, a <c>bad_request</c>,
/// a non-200 or wrong Content-Type, an unreadable stroke, or at the end of its instance. Every stroke it receives goes to the
/// instance's delivery scoring. Never throws; the session is its own and is disposed at the end. (The initial check's watchers,
/// which only count what they see, are <c>InitialCheck.WatcherCountObservation</c>.)
/// </summary>
public sealed class RoomWatcher(WatcherState state, Session session, long roomId, MatsuriRoom room)
{
    /// <summary>
    /// Runs until the watcher leaves, at the latest when <paramref name="leave"/> fires (everybody leaves). As in the original, a
    /// page already being loaded then is loaded to its end (its 5 s timeout bounds it) before the watcher goes; only the end of
    /// the phase, <paramref name="phase"/>, cuts it.
    /// </summary>
    public async Task RunAsync(CancellationToken leave, CancellationToken phase)
    {
        var judge = room.Judge;
        if (!room.Slots.TryTake())
        {
            state.LeaveForCapacity();
            room.Counters.WatcherRefused();
            judge.Metrics.Errors.AddCapacity("open watcher limit of the bench reached");
            session.Dispose();
            return;
        }
        room.Counters.ObserveOpen(room.Slots.Used);
        try
        {
            await WatchAsync(leave, phase);
        }
        catch (OperationCanceledException) when (leave.IsCancellationRequested || phase.IsCancellationRequested)
        {
            // Time to leave: every watcher leaves.
        }
        catch (SseException failure) when (failure.Kind == SseFailureKind.BenchCapacity)
        {
            state.LeaveForCapacity();
            room.Counters.WatcherRefused();
        }
        catch (SseException failure)
        {
            // A stream rule's verdict where one decided (status, Content-Type); otherwise what the client saw (an oversized event).
            if (RoomStream.RuleVerdictOf(failure) is { } verdict) LeaveWith(verdict);
            else LeaveWith(failure.Message);
        }
        catch (Exception unexpected)
        {
            // Anything else (a bug, a cancellation not ours) must not take the instance down with it.
            LeaveWith($"{Endpoints.Stream}: {unexpected.GetType().Name}: {unexpected.Message}");
        }
        finally
        {
            state.Leave();
            room.Slots.Release();
            session.Dispose();
        }
    }

    private async Task WatchAsync(CancellationToken leave, CancellationToken phase)
    {
        var page = await room.Requests.PageTokenAsync(IsuketchApi.RoomPageAsync(session, roomId, phase), cancellationToken: phase);
        if (!page.Passed || leave.IsCancellationRequested)
        {
            if (page.Response.Failure == FailureKind.BenchCapacity)
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
        var stream = new RoomStream(session, roomId, page.Value!,
            new SseClientOptions { CompatRetry = room.Options.CompatRetry, Transport = room.Options.SseTransport }, room.Judge.Metrics, room.Strokes);
        state.MarkJoined();
        await foreach (var item in stream.ReadAsync(Endpoints.Stream, leave))
        {
            if (!Handle(item))
            {
                return;
            }
        }
    }

    // False when the watcher leaves.
    private bool Handle(RoomEvent item)
    {
        switch (item.Kind)
        {
            case RoomEventKind.Stroke:
                var stroke = item.Stroke!;
                if (!stroke.Ok)
                {
                    LeaveWith(stroke.Verdict);
                    return false;
                }
                room.Receive(new StrokeReceipt(state.Id, stroke.Value!.Id, stroke.Value.Points.Count, item.Item.ReceivedAt, state.JoinedAt!.Value));
                var inTime = state.OnStroke(stroke.Value, item.Item.ReceivedAt, Endpoints.Stream);
                if (!inTime.Passed)
                {
                    LeaveWith(inTime);
                    return false;
                }
                return true;
            case RoomEventKind.BadRequest:
                LeaveWith(item.BadRequest!);
                return false;
            case RoomEventKind.WatcherCount:
                room.Judge.Record(item.WatcherCount!.Verdict);
                return true;
            default:
                return true;
        }
    }

    private void LeaveWith(Verdict verdict)
    {
        room.Judge.Record(verdict);
        Left();
    }

    private void LeaveWith(string message)
    {
        room.Judge.Error(message);
        Left();
    }

    private void Left()
    {
        if (!state.LeftForCapacity)
        {
            room.Counters.WatcherLeftEarly();
        }
        state.Leave();
    }
}
