using IsuBench.Bench.Reports;
using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;
using IsuBench.Scenarios.Run;

namespace IsuBench.Bench.Segments;

/// <summary>
/// One run's result from its segments' partial results (<c>isubench merge</c>): scores, counts and errors summed (errors by kind
/// and message), each endpoint's and the delivery histograms added exactly and their percentiles read from the sum, the time
/// series aligned by wall clock. A missing segment, or one that failed, fails the result with a message naming it; every
/// other segment's data is kept. The inputs' order does not matter.
/// </summary>
internal static class SegmentMerge
{
    /// <summary>Why partial results cannot be merged at all (a different run's, or the same segment twice).</summary>
    public sealed class MergeException(string message) : Exception(message);

    /// <summary>
    /// The run's document from <paramref name="partials"/>, named <paramref name="runId"/>; throws <see cref="MergeException"/> when
    /// they are not of one run. <paramref name="whyMissing"/> says, by segment index, why a segment gave no partial result, when that
    /// is known.
    /// </summary>
    public static ResultDocument Merge(
        IReadOnlyList<PartialResultDocument> partials, string runId, string benchVersion,
        IReadOnlyDictionary<int, string>? whyMissing = null)
    {
        if (partials.Count == 0) throw new MergeException("no partial results to merge");
        var ordered = partials.OrderBy(p => p.SegmentIndex).ToList();
        var first = ordered[0];
        foreach (var other in ordered.Skip(1))
        {
            if (other.SegmentCount != first.SegmentCount)
                throw new MergeException($"segment {other.SegmentName} is of a run in {other.SegmentCount} segments, segment {first.SegmentName} of one in {first.SegmentCount}");
            if (other.Seed != first.Seed)
                throw new MergeException($"segment {other.SegmentName} ran with seed {other.Seed}, segment {first.SegmentName} with {first.Seed}: not one run");
            if (!other.Target.SequenceEqual(first.Target, StringComparer.Ordinal))
                throw new MergeException($"segment {other.SegmentName} targeted {string.Join(",", other.Target)}, segment {first.SegmentName} {string.Join(",", first.Target)}: not one run");
        }
        if (ordered.GroupBy(p => p.SegmentIndex).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new MergeException($"segment {twice.First().SegmentName} is given {twice.Count()} times");

        int count = first.SegmentCount;
        var documents = ordered.Select(PartialResultFile.ResultOf).ToList();
        var missing = Enumerable.Range(1, count).Except(ordered.Select(p => p.SegmentIndex)).ToList();
        var failed = ordered.Zip(documents).Where(pair => !pair.Second.Pass).Select(pair => pair.First.SegmentName).ToList();

        var errors = MergeErrors(documents);
        foreach (int index in missing)
        {
            string why = whyMissing?.GetValueOrDefault(index) ?? "no partial result of it was given";
            errors.Add(new ErrorDocument("critical", $"segment {index}/{count} is missing: {why}", 1, documents.Min(d => d.EndedAt)));
        }
        foreach (var name in failed)
            errors.Add(new ErrorDocument("critical", $"segment {name} failed (its errors are listed here too)", 1, documents.Min(d => d.EndedAt)));
        errors = SortErrors(errors);

        // Segment 1 ran the initial check: its checks and outcome are the run's; without it the check is unknown and the run fails.
        var checker = ordered.Zip(documents).FirstOrDefault(pair => pair.First.SegmentIndex == 1).Second;
        var template = checker ?? documents[0];
        var scores = documents.SelectMany(d => d.Scores)
            .GroupBy(pair => pair.Key, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => new ScoreDocument(group.Sum(p => p.Value.Count), group.Sum(p => p.Value.Points)), StringComparer.Ordinal);
        var (series, errorsOverTime) = SegmentTimeline.Merge(ordered, documents);
        bool interrupted = documents.Any(d => d.Interrupted);
        bool initialPassed = checker?.InitialCheckPassed ?? false;
        return template with
        {
            Pass = missing.Count == 0 && failed.Count == 0 && initialPassed && !interrupted && documents.All(d => d.Pass),
            Score = scores.Values.Sum(s => s.Points),
            Messages = errors.Where(e => e.Kind != "warning").Select(e => e.Message).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            RunId = runId,
            BenchVersion = benchVersion,
            Options = template.Options with { Segments = count },
            StartedAt = documents.Min(d => d.StartedAt),
            EndedAt = documents.Max(d => d.EndedAt),
            InitialCheckPassed = initialPassed,
            LoadRan = documents.Any(d => d.LoadRan),
            Interrupted = interrupted,
            Scores = scores,
            Endpoints = MergeEndpoints(ordered, documents),
            SseDelivery = MergeDelivery(ordered),
            Errors = errors,
            UnlistedErrors = documents.Sum(d => d.UnlistedErrors),
            Load = MergeLoad(documents),
            Checks = checker?.Checks ?? [],
            TimeSeries = series,
            ErrorsOverTime = errorsOverTime,
            Tls = MergeTls(documents),
            // Not merged: the gate workload does not run in segments, and each segment's CPU cost is its machine's own.
            GateFigures = null,
            Cost = null,
            Repeat = null,
        };
    }

    // Each origin's connections summed over the segments; its stack, protocol and reason are those of a segment the platform's
    // stack served, when one was, since that is what the run's reader must learn.
    private static List<TlsOriginDocument>? MergeTls(IEnumerable<ResultDocument> documents)
    {
        var merged = documents.SelectMany(d => d.Tls ?? [])
            .GroupBy(o => o.Origin, StringComparer.OrdinalIgnoreCase)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => group.OrderByDescending(o => o.Stack == TlsOriginUse.PlatformStack).First() with
            {
                Warning = group.Select(o => o.Warning).FirstOrDefault(w => w is not null),
                OwnConnections = group.Sum(o => o.OwnConnections),
                PlatformConnections = group.Sum(o => o.PlatformConnections),
            })
            .ToList();
        return merged.Count == 0 ? null : merged;
    }

    private static List<ErrorDocument> MergeErrors(IEnumerable<ResultDocument> documents) =>
        documents.SelectMany(d => d.Errors)
            .GroupBy(e => (e.Kind, e.Message))
            .Select(group => new ErrorDocument(group.Key.Kind, group.Key.Message, group.Sum(e => e.Count), group.Min(e => e.FirstSeen)))
            .ToList();

    // As the error ledger orders them: critical, ordinary, warning, the bench's own; then by message.
    private static List<ErrorDocument> SortErrors(IEnumerable<ErrorDocument> errors) =>
        errors.OrderBy(e => e.Kind switch { "critical" => 0, "ordinary" => 1, "warning" => 2, _ => 3 })
            .ThenBy(e => e.Message, StringComparer.Ordinal)
            .ToList();

    private static List<EndpointDocument> MergeEndpoints(IReadOnlyList<PartialResultDocument> partials, IReadOnlyList<ResultDocument> documents)
    {
        var names = documents.SelectMany(d => d.Endpoints.Select(e => e.Endpoint)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var merged = new List<EndpointDocument>();
        foreach (var name in names)
        {
            var histogram = new LatencyHistogram();
            foreach (var partial in partials)
                if (partial.EndpointHistograms.TryGetValue(name, out var encoded)) histogram.Add(encoded);
            var latency = histogram.Snapshot();
            var counts = documents.SelectMany(d => d.Endpoints).Where(e => e.Endpoint == name).ToList();
            merged.Add(new EndpointDocument(name, counts.Sum(e => e.Count), counts.Sum(e => e.Errors), counts.Sum(e => e.Timeouts),
                latency.P50Ms, latency.P90Ms, latency.P99Ms, latency.P999Ms, latency.MaxMs));
        }
        return merged;
    }

    private static DeliveryDocument MergeDelivery(IReadOnlyList<PartialResultDocument> partials)
    {
        var histogram = new LatencyHistogram();
        foreach (var partial in partials) histogram.Add(partial.DeliveryHistogram);
        var latency = histogram.Snapshot();
        var counts = histogram.CountBuckets(DeliverySummary.Bounds);
        var buckets = counts.Select((n, i) => new DeliveryBucketDocument(i < DeliverySummary.Bounds.Count ? DeliverySummary.Bounds[i].TotalMilliseconds : null, n)).ToList();
        return new DeliveryDocument(latency.Count, latency.P50Ms, latency.P90Ms, latency.P99Ms, latency.P999Ms, latency.MaxMs, buckets);
    }

    // Iterations and Matsuri's counters summed; the peak of open watchers is the sum of the segments' peaks (an upper bound:
    // the segments' peaks need not have come at the same moment).
    private static LoadDocument? MergeLoad(IReadOnlyList<ResultDocument> documents)
    {
        var loads = documents.Select(d => d.Load).OfType<LoadDocument>().ToList();
        if (loads.Count == 0) return null;
        static Dictionary<string, long> Sum(IEnumerable<IReadOnlyDictionary<string, long>> counts) =>
            counts.SelectMany(c => c).GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal);
        var m = loads.Select(l => l.Matsuri).ToList();
        return new LoadDocument(
            Sum(loads.Select(l => l.Iterations)), Sum(loads.Select(l => l.FailedIterations)), loads.Sum(l => l.AbandonedWorkers),
            new(m.Sum(x => x.RoomsCreated), m.Sum(x => x.StrokesPosted), m.Sum(x => x.WatchersStarted), m.Sum(x => x.WatchersLeftEarly),
                m.Sum(x => x.WatchersRefused), m.Sum(x => x.DeliveriesScored), m.Sum(x => x.DeliveriesLate), m.Sum(x => x.DeliveriesMismatched),
                m.Sum(x => x.PeakOpenWatchers)));
    }
}
