using System.Text.Json.Serialization;
using IsuBench.Checks.Rules;
using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;
using IsuBench.Scenarios.Judging;
using IsuBench.Scenarios.Run;

namespace IsuBench.Bench.Reports;

/// <summary>
/// The schema of <c>result.json</c> (see result.schema.json): the original bench's <c>pass</c>, <c>score</c> and
/// <c>messages</c> first, then everything IsuBench adds. Every report renders from this document, so reports
/// can be rebuilt from a saved result.
/// </summary>
public sealed record ResultDocument
{
    /// <summary>False when anything critical failed.</summary>
    [JsonPropertyName("pass")] public required bool Pass { get; init; }
    /// <summary>The total score.</summary>
    [JsonPropertyName("score")] public required long Score { get; init; }
    /// <summary>Distinct error messages, sorted.</summary>
    [JsonPropertyName("messages")] public required IReadOnlyList<string> Messages { get; init; }
    /// <summary>The layout of this file (<see cref="ResultJson.SchemaVersion"/>); files without it are version 1.</summary>
    [JsonPropertyName("schema_version")] public int SchemaVersion { get; init; } = ResultJson.SchemaVersion;
    /// <summary>The run's id (its folder under results/).</summary>
    [JsonPropertyName("run_id")] public required string RunId { get; init; }
    /// <summary>The isubench version that produced the result.</summary>
    [JsonPropertyName("bench_version")] public required string BenchVersion { get; init; }
    /// <summary>The server profile the target named (the reference's <c>X-Isuketch-Profile</c>: baseline or tuned); null when it did not say.</summary>
    [JsonPropertyName("server_profile")] public string? ServerProfile { get; init; }
    /// <summary>The server version the target named (<c>X-Isuketch-Version</c>); null when it did not say.</summary>
    [JsonPropertyName("server_version")] public string? ServerVersion { get; init; }
    /// <summary>The origins under test.</summary>
    [JsonPropertyName("target")] public required IReadOnlyList<string> Target { get; init; }
    /// <summary>The run seed.</summary>
    [JsonPropertyName("seed")] public required int Seed { get; init; }
    /// <summary>The options of the run.</summary>
    [JsonPropertyName("options")] public required RunOptionsDocument Options { get; init; }
    /// <summary>Start of the run, UTC.</summary>
    [JsonPropertyName("started_at")] public required DateTimeOffset StartedAt { get; init; }
    /// <summary>End of the run, UTC.</summary>
    [JsonPropertyName("ended_at")] public required DateTimeOffset EndedAt { get; init; }
    /// <summary>True when the initial check found nothing critical.</summary>
    [JsonPropertyName("initial_check_passed")] public required bool InitialCheckPassed { get; init; }
    /// <summary>True when the load phase ran.</summary>
    [JsonPropertyName("load_ran")] public required bool LoadRan { get; init; }
    /// <summary>True when the run was interrupted.</summary>
    [JsonPropertyName("interrupted")] public required bool Interrupted { get; init; }
    /// <summary>Points by kind: <c>get</c>, <c>post</c>, <c>stream_stroke</c>.</summary>
    [JsonPropertyName("scores")] public required IReadOnlyDictionary<string, ScoreDocument> Scores { get; init; }
    /// <summary>Per-endpoint statistics, sorted by endpoint.</summary>
    [JsonPropertyName("endpoints")] public required IReadOnlyList<EndpointDocument> Endpoints { get; init; }
    /// <summary>SSE delivery latency: percentiles and histogram.</summary>
    [JsonPropertyName("sse_delivery")] public required DeliveryDocument SseDelivery { get; init; }
    /// <summary>Distinct errors with counts, critical first.</summary>
    [JsonPropertyName("errors")] public required IReadOnlyList<ErrorDocument> Errors { get; init; }
    /// <summary>Error occurrences whose message was not kept (bounded ledger).</summary>
    [JsonPropertyName("unlisted_errors")] public required long UnlistedErrors { get; init; }
    /// <summary>How the load phase's workers fared and what Matsuri did; null when the load did not run.</summary>
    [JsonPropertyName("load")] public LoadDocument? Load { get; init; }
    /// <summary>Every check of the initial check with its verdicts.</summary>
    [JsonPropertyName("checks")] public required IReadOnlyList<CheckDocument> Checks { get; init; }
    /// <summary>Samples of the run, about one per second.</summary>
    [JsonPropertyName("time_series")] public required IReadOnlyList<TimeSeriesDocument> TimeSeries { get; init; }
    /// <summary>The errors of each sample by message, aligned with <see cref="TimeSeries"/>; absent in results written before it was recorded.</summary>
    [JsonPropertyName("errors_over_time")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ErrorsOverTimeDocument? ErrorsOverTime { get; init; }
    /// <summary>The figures a gate compares, named by the workload (the gate workload's latencies and shares); absent in score mode, where the gate compares the score.</summary>
    [JsonPropertyName("gate_figures")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, GateFigureDocument>? GateFigures { get; init; }
    /// <summary>CPU per request over the measured window, of the server's sources and the bench's; absent when no window was measured (no load phase) and in results written before it existed.</summary>
    [JsonPropertyName("cost")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CostDocument? Cost { get; init; }
    /// <summary>
    /// Which TLS stack served each https origin, with its protocol and why; absent for http targets and in results written before
    /// it was recorded.
    /// </summary>
    [JsonPropertyName("tls")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TlsOriginDocument>? Tls { get; init; }
    /// <summary>Every run of <c>run --repeat N</c> with the spread of its figures; absent for a single run.</summary>
    [JsonPropertyName("repeat")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RepeatDocument? Repeat { get; init; }

    /// <summary>The document of <paramref name="result"/>.</summary>
    public static ResultDocument From(BenchmarkResult result, string runId, string benchVersion) => new()
    {
        Pass = result.Pass,
        Score = result.Score,
        Messages = result.Messages,
        RunId = runId,
        BenchVersion = benchVersion,
        Target = result.Options.Targets.Select(t => t.GetLeftPart(UriPartial.Authority)).ToList(),
        Seed = result.Options.Seed,
        Options = new RunOptionsDocument
        {
            DurationSeconds = result.Options.Duration.TotalSeconds,
            FrontEnd = result.Options.FrontEnd,
            AssetsManifest = result.Options.AssetsManifest,
            CompatRetry = result.Options.CompatRetry,
            Strict = result.Options.Strict,
            SseTransport = result.Options.SseTransport.ToString().ToLowerInvariant(),
            Tls = result.Options.Tls.ToString().ToLowerInvariant(),
            UserAgent = result.Options.UserAgent,
            CheckOnly = result.Options.CheckOnly,
            Workload = result.Options.Workload.ToString().ToLowerInvariant(),
        },
        StartedAt = result.StartedAt,
        EndedAt = result.EndedAt,
        InitialCheckPassed = result.InitialCheckPassed,
        LoadRan = result.LoadRan,
        Load = LoadDocument.From(result.Load),
        Interrupted = result.Interrupted,
        Scores = result.Scores.ToDictionary(s => ScoreKinds.NameOf(s.Kind), s => new ScoreDocument(s.Count, s.Points)),
        Endpoints = result.Endpoints.Select(e => new EndpointDocument(
            e.Endpoint, e.Requests, e.Errors, e.Timeouts,
            e.Latency.P50Ms, e.Latency.P90Ms, e.Latency.P99Ms, e.Latency.P999Ms, e.Latency.MaxMs)).ToList(),
        SseDelivery = new DeliveryDocument(
            result.Delivery.Latency.Count,
            result.Delivery.Latency.P50Ms, result.Delivery.Latency.P90Ms, result.Delivery.Latency.P99Ms,
            result.Delivery.Latency.P999Ms, result.Delivery.Latency.MaxMs,
            result.Delivery.Histogram.Select(b => new DeliveryBucketDocument(b.UpTo?.TotalMilliseconds, b.Count)).ToList()),
        Errors = result.Errors.Select(e => new ErrorDocument(ErrorKindName(e.Kind), e.Message, e.Count, e.FirstSeen)).ToList(),
        UnlistedErrors = result.UnlistedErrors,
        Checks = result.Checks.Select(c => new CheckDocument(
            c.Name, c.Passed, c.Skipped, Math.Round(c.Duration.TotalSeconds, 3),
            c.Verdicts.Select(v => new VerdictDocument(
                v.RuleId, v.Passed, v.Critical, v.Addition, v.Message, v.Evidence.Request, v.Evidence.Expected, v.Evidence.Actual)).ToList())).ToList(),
        GateFigures = result.GateFigures?.ToDictionary(
            f => f.Key, f => new GateFigureDocument(f.Value.Value, f.Value.HigherIsBetter ? GateFigureDocument.Higher : GateFigureDocument.Lower, f.Value.Gated)),
        TimeSeries = result.TimeSeries.Select(p => new TimeSeriesDocument(
            Math.Round(p.Elapsed.TotalSeconds, 3), p.Score, Math.Round(p.RequestsPerSecond, 2), p.Watchers, p.Errors)).ToList(),
        ErrorsOverTime = ErrorsOverTimeDocument.From(result.ErrorsOverTime),
        Tls = result.Tls.Count == 0 ? null : [.. result.Tls.Select(TlsOriginDocument.From)],
    };

    /// <summary>The JSON name of an error kind.</summary>
    public static string ErrorKindName(ErrorKind kind) => kind switch
    {
        ErrorKind.Critical => "critical",
        ErrorKind.Ordinary => "ordinary",
        ErrorKind.BenchCapacity => "bench_capacity",
        ErrorKind.Warning => "warning",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
