using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace IsuBench.Bench.Segments;

/// <summary>
/// A segment's partial result (<c>run --segment I/N</c> writes it as <c>segment-I-of-N.json</c>; docs/segments.md): the segment's
/// own result.json document, and beside it the raw data a merge needs to be exact: each endpoint's latency histogram and the
/// delivery histogram in HdrHistogram's compressed encoding (base64), and the time series with wall-clock timestamps.
/// </summary>
public sealed record PartialResultDocument
{
    /// <summary>What this file is: always <see cref="FormatName"/>.</summary>
    public const string FormatName = "isubench-segment";

    /// <summary>The layout of this file.</summary>
    public const int CurrentVersion = 1;

    /// <summary><see cref="FormatName"/>.</summary>
    [JsonPropertyName("format")] public string Format { get; init; } = FormatName;
    /// <summary>The layout of this file (<see cref="CurrentVersion"/>).</summary>
    [JsonPropertyName("format_version")] public int FormatVersion { get; init; } = CurrentVersion;
    /// <summary>Which segment, from 1.</summary>
    [JsonPropertyName("segment_index")] public required int SegmentIndex { get; init; }
    /// <summary>How many segments the run has.</summary>
    [JsonPropertyName("segment_count")] public required int SegmentCount { get; init; }
    /// <summary>The run seed (the same in every segment of a run).</summary>
    [JsonPropertyName("seed")] public required int Seed { get; init; }
    /// <summary>The origins under test.</summary>
    [JsonPropertyName("target")] public required IReadOnlyList<string> Target { get; init; }
    /// <summary>When the load phase was to start (<c>--start-at</c>), or null.</summary>
    [JsonPropertyName("start_at")] public DateTimeOffset? StartAt { get; init; }
    /// <summary>How this segment came by the initial check: <c>ran</c> (segment 1), <c>segment_1</c> (its outcome was awaited), <c>skipped</c>.</summary>
    [JsonPropertyName("initial_check")] public required string InitialCheck { get; init; }
    /// <summary>Each endpoint's latency histogram (microseconds), HdrHistogram's compressed encoding in base64, by endpoint.</summary>
    [JsonPropertyName("endpoint_histograms")] public required IReadOnlyDictionary<string, string> EndpointHistograms { get; init; }
    /// <summary>The SSE delivery histogram (microseconds), encoded as the endpoints' are.</summary>
    [JsonPropertyName("delivery_histogram")] public required string DeliveryHistogram { get; init; }
    /// <summary>The samples of <c>result.time_series</c> with the wall-clock time each was taken.</summary>
    [JsonPropertyName("time_series")] public required IReadOnlyList<PartialSample> TimeSeries { get; init; }
    /// <summary>The segment's own result document (result.json's layout): scores, counts, errors, checks, load.</summary>
    [JsonPropertyName("result")] public required JsonObject Result { get; init; }

    /// <summary>"I/N".</summary>
    [JsonIgnore] public string SegmentName => $"{SegmentIndex}/{SegmentCount}";
}

/// <summary>One sample of a segment's time series, at its wall-clock time (UTC).</summary>
public sealed record PartialSample(
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("score")] long Score,
    [property: JsonPropertyName("requests_per_second")] double RequestsPerSecond,
    [property: JsonPropertyName("watchers")] long Watchers,
    [property: JsonPropertyName("errors")] long Errors);
