using IsuBench.Bench.Reports;

namespace IsuBench.Bench.Segments;

/// <summary>
/// The segments' time series on one wall clock: the merged series has a sample every second from the earliest segment's
/// start; each segment's sample falls in the second of its wall-clock time. Score and errors (running totals) and watchers
/// carry each segment's latest sample forward; requests per second add the samples of that second; the errors over time add
/// each message's new occurrences of that second (at most the segments' largest number of tracked messages, the rest in "other").
/// </summary>
internal static class SegmentTimeline
{
    /// <summary>The sampling interval the merged series uses (the segments sample every second).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>The merged series and errors over time of <paramref name="partials"/> (in segment order) and their documents.</summary>
    public static (IReadOnlyList<TimeSeriesDocument> Series, ErrorsOverTimeDocument ErrorsOverTime) Merge(
        IReadOnlyList<PartialResultDocument> partials, IReadOnlyList<ResultDocument> documents)
    {
        var samples = partials.Where(p => p.TimeSeries.Count > 0).ToList();
        if (samples.Count == 0) return ([], new ErrorsOverTimeDocument(0, [], []));
        // Elapsed zero of the merged run: the earliest segment's (its first sample's time less that sample's elapsed seconds).
        var origin = partials.Zip(documents)
            .Where(pair => pair.First.TimeSeries.Count > 0 && pair.Second.TimeSeries.Count > 0)
            .Select(pair => pair.First.TimeSeries[0].At - TimeSpan.FromSeconds(pair.Second.TimeSeries[0].ElapsedSeconds))
            .DefaultIfEmpty(samples.Min(p => p.TimeSeries[0].At))
            .Min();
        int SlotFromOrigin(DateTimeOffset at) => Math.Max(0, (int)Math.Round((at - origin) / Interval, MidpointRounding.AwayFromZero));
        // The merged series begins with the first second any segment sampled, as one process's begins with its first sample.
        int first = samples.Min(p => p.TimeSeries.Min(s => SlotFromOrigin(s.At)));
        int Slot(DateTimeOffset at) => SlotFromOrigin(at) - first;
        int slots = samples.Max(p => p.TimeSeries.Max(s => Slot(s.At))) + 1;

        var score = new long[slots];
        var errors = new long[slots];
        var watchers = new long[slots];
        var rate = new double[slots];
        foreach (var partial in samples)
        {
            var bySlot = partial.TimeSeries.GroupBy(s => Slot(s.At)).ToDictionary(g => g.Key, g => g.ToList());
            PartialSample? latest = null;
            for (int slot = 0; slot < slots; slot++)
            {
                if (bySlot.TryGetValue(slot, out var here))
                {
                    latest = here[^1];
                    rate[slot] += here.Average(s => s.RequestsPerSecond);
                }
                if (latest is null) continue;
                score[slot] += latest.Score;
                errors[slot] += latest.Errors;
                watchers[slot] += latest.Watchers;
            }
        }
        var series = Enumerable.Range(0, slots)
            .Select(slot => new TimeSeriesDocument(Math.Round((Interval * (slot + first)).TotalSeconds, 3), score[slot], Math.Round(rate[slot], 2), watchers[slot], errors[slot]))
            .ToList();
        return (series, MergeErrorsOverTime(partials, documents, Slot, slots));
    }

    private static ErrorsOverTimeDocument MergeErrorsOverTime(
        IReadOnlyList<PartialResultDocument> partials, IReadOnlyList<ResultDocument> documents, Func<DateTimeOffset, int> slotOf, int slots)
    {
        int limit = documents.Select(d => d.ErrorsOverTime?.TrackedLimit ?? 0).DefaultIfEmpty(0).Max();
        var tracks = new Dictionary<(string Kind, string Message), long[]>();
        var order = new List<(string Kind, string Message)>();
        var other = new long[slots];
        foreach (var (partial, document) in partials.Zip(documents))
        {
            if (document.ErrorsOverTime is not { } timeline) continue;
            var slotsOfSamples = partial.TimeSeries.Select(s => slotOf(s.At)).ToList();
            for (int i = 0; i < timeline.Other.Count && i < slotsOfSamples.Count; i++) other[slotsOfSamples[i]] += timeline.Other[i];
            foreach (var track in timeline.Messages)
            {
                var key = (track.Kind, track.Message);
                if (!tracks.TryGetValue(key, out var counts))
                {
                    counts = new long[slots];
                    tracks[key] = counts;
                    order.Add(key);
                }
                for (int i = 0; i < track.Counts.Count && i < slotsOfSamples.Count; i++) counts[slotsOfSamples[i]] += track.Counts[i];
            }
        }
        // The first seen (earliest occurrence) keep their own line, as one process tracks them.
        var ranked = order.OrderBy(key => Array.FindIndex(tracks[key], n => n > 0) is var at && at < 0 ? int.MaxValue : at).ToList();
        foreach (var key in ranked.Skip(limit))
            for (int slot = 0; slot < slots; slot++) other[slot] += tracks[key][slot];
        return new ErrorsOverTimeDocument(limit,
            ranked.Take(limit).Select(key => new ErrorTrackDocument(key.Kind, key.Message, tracks[key])).ToList(), other);
    }
}
