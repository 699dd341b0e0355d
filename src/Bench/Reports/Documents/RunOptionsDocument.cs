using System.Text.Json.Serialization;

namespace IsuBench.Bench.Reports;

/// <summary>The options of a run as written in result.json.</summary>
public sealed record RunOptionsDocument
{
    /// <summary>Load phase length in seconds.</summary>
    [JsonPropertyName("duration_seconds")] public required double DurationSeconds { get; init; }
    /// <summary>The front end the checks expected (<c>--front-end</c>: reference or isucon6f); "profile" before schema version 2.</summary>
    [JsonPropertyName("front_end")] public required string FrontEnd { get; init; }
    /// <summary>The assets manifest replacing the expected hashes, or null.</summary>
    [JsonPropertyName("assets_manifest")] public string? AssetsManifest { get; init; }
    /// <summary>Whether SSE reconnects waited 1 s as the original.</summary>
    [JsonPropertyName("compat_retry")] public required bool CompatRetry { get; init; }
    /// <summary>Whether IsuBench's additions failed the run (<c>--strict</c>) instead of warning (absent in results written before the option existed).</summary>
    [JsonPropertyName("strict")] public bool? Strict { get; init; }
    /// <summary>How SSE watchers connected: socket or httpclient (absent in results written before the option existed).</summary>
    [JsonPropertyName("sse_transport")] public string? SseTransport { get; init; }
    /// <summary>
    /// Which TLS stack https connections could use (<c>--tls</c>: auto, own or platform; absent in results written before the
    /// option existed, which ran auto).
    /// </summary>
    [JsonPropertyName("tls")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Tls { get; init; }
    /// <summary>The User-Agent sent.</summary>
    [JsonPropertyName("user_agent")] public required string UserAgent { get; init; }
    /// <summary>The load workload: isucon or gate (absent in results written before the option existed, which were isucon).</summary>
    [JsonPropertyName("workload")] public string? Workload { get; init; }
    /// <summary>True for <c>isubench check</c> (no load phase).</summary>
    [JsonPropertyName("check_only")] public required bool CheckOnly { get; init; }
    /// <summary>
    /// The number of segments merged into this result (<c>isubench merge</c>, <c>run --processes N</c>); absent for a run of one process.
    /// </summary>
    [JsonPropertyName("segments")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Segments { get; init; }
    /// <summary>The processes of one machine the segments ran in (<c>run --processes N</c>); absent otherwise.</summary>
    [JsonPropertyName("processes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Processes { get; init; }
}
