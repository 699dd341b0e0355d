using System.Text.Json.Serialization;

namespace IsuBench.Bench.Reports;

/// <summary>One sample: seconds since the start, score, requests/s, connected watchers, errors so far.</summary>
public sealed record TimeSeriesDocument(
    [property: JsonPropertyName("elapsed_seconds")] double ElapsedSeconds,
    [property: JsonPropertyName("score")] long Score,
    [property: JsonPropertyName("requests_per_second")] double RequestsPerSecond,
    [property: JsonPropertyName("watchers")] long Watchers,
    [property: JsonPropertyName("errors")] long Errors);
