using System.Globalization;
using IsuBench.Checks.Rules;

namespace IsuBench.Integration.Mutants;

/// <summary>Mutants of the SSE stream: counts, resumption after <c>Last-Event-ID</c>, headers and event data.</summary>
public static class StreamMutants
{
    /// <summary>How many strokes a first connection relays before the proxy ends it, so that the watcher must resume.</summary>
    private const int StrokesBeforeCut = 5;

    /// <summary>Fresh instances of every stream mutant.</summary>
    public static IEnumerable<Mutant> Create() =>
    [
        new()
        {
            Name = "watcher-count-one-low",
            Breaks = WatcherRules.Count.Id,
            StreamLine = (c, line) => c.EventType == "watcher_count" && line.StartsWith("data:", StringComparison.Ordinal)
                ? [$"data: {int.Parse(line["data:".Length..].Trim(), CultureInfo.InvariantCulture) - 1}"]
                : [line],
        },
        Resumption("strokes-repeated-after-reconnect", -3),
        Resumption("strokes-skipped-after-reconnect", +3),
        // Headers, then nothing: the watcher must give up at the end of its stay, not hang.
        new() { Name = "stream-silent", Breaks = WatcherRules.Count.Id, StreamLine = (_, _) => [] },
        new() { Name = "stream-wrong-content-type", Breaks = StreamRules.ContentType.Id, StreamContentType = "text/plain; charset=utf-8" },
        new()
        {
            Name = "stream-bad-request-to-a-valid-watcher",
            Breaks = StreamRules.NoBadRequest.Id,
            StreamLine = (_, line) => line == "event: watcher_count" ? ["event: bad_request"] : [line],
        },
        new()
        {
            Name = "stream-stroke-garbled",
            Breaks = StreamRules.StrokeData.Id,
            StreamLine = (c, line) => c.EventType == "stroke" && line.StartsWith("data:", StringComparison.Ordinal) ? ["data: {\"id\": \"one\"}"] : [line],
        },
    ];

    // The first response ends after a few strokes (as the original server's did); the resumed one starts from a shifted Last-Event-ID.
    // The proxy makes the cut itself, so resumption is exercised alike in front of a baseline stream (which would end by itself
    // after ~3 s anyway) and a tuned one (which stays open and would never make the watcher reconnect).
    private static Mutant Resumption(string name, int shift) => new()
    {
        Name = name,
        Breaks = WatcherRules.Strokes.Id,
        Request = request =>
        {
            if (!request.Headers.TryGetValues("Last-Event-ID", out var values)) return;
            var id = long.Parse(values.First(), CultureInfo.InvariantCulture);
            request.Headers.Remove("Last-Event-ID");
            request.Headers.TryAddWithoutValidation("Last-Event-ID", Math.Max(0, id + shift).ToString(CultureInfo.InvariantCulture));
        },
        StreamLine = (c, line) =>
        {
            if (c.LastEventId is null && line.Length == 0 && c.Strokes == StrokesBeforeCut) c.End = true;
            return [line];
        },
    };
}
