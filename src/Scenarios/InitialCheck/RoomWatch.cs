using System.Globalization;
using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Scenarios.Sse;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>
/// One watcher of the watcher-count check: a new session loads <c>/rooms/{id}</c> for a token, then reads the room's stream for
/// the watcher stay, reconnecting as the server asks, and reports every <c>watcher_count</c> and how many strokes arrived.
/// </summary>
internal sealed record RoomWatch(IReadOnlyList<int> WatcherCounts, int Strokes)
{
    /// <summary>Watches <paramref name="roomId"/>; null when the room page failed (already judged). Stream problems are recorded as verdicts.</summary>
    public static async Task<RoomWatch?> RunAsync(CheckContext context, long roomId, CancellationToken cancellationToken)
    {
        var session = context.NewSession();
        var id = roomId.ToString(CultureInfo.InvariantCulture);
        var page = await PageLoad.GetAsync(context, session, $"/rooms/{id}", "GET /rooms/{id}", needsToken: true, cancellationToken, blocked: WatcherRules.Count);
        if (!page.Ok) return null;
        context.Judge(session, page.Response, page.PageVerdicts);

        var path = $"/api/stream/rooms/{id}?csrf_token={Uri.EscapeDataString(page.Token!)}";
        var request = $"GET /api/stream/rooms/{id}";
        var client = new SseClient(session, path,
            new SseClientOptions { CompatRetry = context.Options.CompatRetry, Transport = context.Options.SseTransport });
        client.Connected += _ => context.Metrics.Watchers.Increment();
        client.Disconnected += _ => context.Metrics.Watchers.Decrement();
        client.OpenFailed += (_, failure) => context.Metrics.Errors.Add(failure.Message);
        var counts = new List<int>();
        var strokes = 0;
        var problems = new List<Verdict>();
        using var stay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stay.CancelAfter(context.Options.WatcherStay);
        try
        {
            await foreach (var item in client.ReadAllAsync(stay.Token))
            {
                if (item.Type == "watcher_count")
                {
                    var count = StreamRules.ReadWatcherCountEvent(item.Data, request);
                    if (count.Ok) counts.Add(count.Value!.Value);
                    else problems.Add(count.Verdict);
                }
                else if (item.Type == "stroke")
                {
                    var stroke = StreamRules.ReadStrokeEvent(item.Data, request);
                    if (stroke.Ok) strokes++;
                    else problems.Add(stroke.Verdict);
                    // One contract verdict per watcher is enough to name what is missing.
                    if (stroke.Ok && stroke.Absent.Count > 0 && !problems.Any(p => p.RuleId == ContractRules.Fields.Id))
                        problems.Add(ContractRules.HasFields(stroke.Absent, ApiDocumentKind.Stroke, request));
                }
                else if (item.Type == "bad_request")
                {
                    // The client would reconnect by itself; a watcher told its request is bad leaves, as a browser would.
                    problems.Add(StreamRules.NotBadRequest(item.Type, item.Data, request));
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The stay is over.
        }
        catch (SseException failure)
        {
            problems.Add(failure.Kind switch
            {
                SseFailureKind.ContentType => StreamRules.ContentType.Fail(request, "text/event-stream", failure.Message),
                SseFailureKind.EventTooLarge => StreamRules.StrokeData.Fail(request, "events under the size limit", failure.Message),
                _ => StreamRules.Status.Fail(request, "status 200", failure.Message),
            });
        }
        context.Record(problems);
        return new RoomWatch(counts, strokes);
    }
}
