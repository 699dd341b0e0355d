using System.Globalization;
using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Engine.Sse;
using IsuBench.Scenarios.Api;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>
/// What one watcher of the initial check's watcher-count check saw: every <c>watcher_count</c> and how many strokes arrived.
/// A new session loads <c>/rooms/{id}</c> for a token, then reads the room's stream for the watcher stay, reconnecting as the
/// server asks. Not a load-phase watcher: Matsuri's are <c>Workloads.RoomWatcher</c>, which score and leave on a late stroke.
/// </summary>
internal sealed record WatcherCountObservation(IReadOnlyList<int> WatcherCounts, int Strokes)
{
    /// <summary>Watches <paramref name="roomId"/> for the watcher stay; null when the room page failed (already judged). Stream problems are recorded as verdicts.</summary>
    public static async Task<WatcherCountObservation?> ObserveAsync(CheckContext context, long roomId, CancellationToken cancellationToken)
    {
        var session = context.NewSession();
        var page = await context.Requests.PageTokenAsync(IsuketchApi.RoomPageAsync(session, roomId, cancellationToken), context.StoppedBy(WatcherRules.Count));
        if (page.Value is not { } token) return null;

        var request = $"GET /api/stream/rooms/{roomId.ToString(CultureInfo.InvariantCulture)}";
        var stream = new RoomStream(session, roomId, token,
            new SseClientOptions { CompatRetry = context.Options.CompatRetry, Transport = context.Options.SseTransport }, context.RunJudge.Metrics);
        var counts = new List<int>();
        var strokes = 0;
        var problems = new List<Verdict>();
        using var stay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stay.CancelAfter(context.Options.WatcherStay);
        try
        {
            await foreach (var item in stream.ReadAsync(request, stay.Token))
            {
                if (item.Kind == RoomEventKind.WatcherCount)
                {
                    var count = item.WatcherCount!;
                    if (count.Ok) counts.Add(count.Value!.Value);
                    else problems.Add(count.Verdict);
                }
                else if (item.Kind == RoomEventKind.Stroke)
                {
                    var stroke = item.Stroke!;
                    if (stroke.Ok) strokes++;
                    else problems.Add(stroke.Verdict);
                    // One contract verdict per watcher is enough to name what is missing.
                    if (stroke.Ok && stroke.Absent.Count > 0 && !problems.Any(p => p.RuleId == ContractRules.Fields.Id))
                        problems.Add(ContractRules.HasFields(stroke.Absent, ApiDocumentKind.Stroke, request));
                }
                else if (item.Kind == RoomEventKind.BadRequest)
                {
                    // The client would reconnect by itself; a watcher told its request is bad leaves, as the original's did.
                    problems.Add(item.BadRequest!);
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
            problems.Add(RoomStream.RuleVerdictOf(failure) ?? StreamRules.StrokeData.Fail(request, "events under the size limit", failure.Message));
        }
        context.Record(problems);
        return new WatcherCountObservation(counts, strokes);
    }
}
