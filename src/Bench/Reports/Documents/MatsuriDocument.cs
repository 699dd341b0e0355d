using System.Text.Json.Serialization;
using IsuBench.Scenarios.Workloads;

namespace IsuBench.Bench.Reports;

/// <summary>What the Matsuri instances did, in result.json: rooms, strokes, watchers and how their deliveries were judged.</summary>
public sealed record MatsuriDocument(
    [property: JsonPropertyName("rooms_created")] long RoomsCreated,
    [property: JsonPropertyName("strokes_posted")] long StrokesPosted,
    [property: JsonPropertyName("watchers_started")] long WatchersStarted,
    [property: JsonPropertyName("watchers_left_early")] long WatchersLeftEarly,
    [property: JsonPropertyName("watchers_refused")] long WatchersRefused,
    [property: JsonPropertyName("deliveries_scored")] long DeliveriesScored,
    [property: JsonPropertyName("deliveries_late")] long DeliveriesLate,
    [property: JsonPropertyName("deliveries_mismatched")] long DeliveriesMismatched,
    [property: JsonPropertyName("peak_open_watchers")] long PeakOpenWatchers)
{
    /// <summary>The document of <paramref name="summary"/>.</summary>
    public static MatsuriDocument From(MatsuriSummary summary) => new(summary.RoomsCreated, summary.StrokesPosted, summary.WatchersStarted,
        summary.WatchersLeftEarly, summary.WatchersRefused, summary.DeliveriesScored, summary.DeliveriesLate, summary.DeliveriesMismatched,
        summary.PeakOpenWatchers);
}
