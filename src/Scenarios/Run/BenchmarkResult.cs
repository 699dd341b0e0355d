using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;
using IsuBench.Scenarios.InitialCheck;
using IsuBench.Scenarios.Judging;

namespace IsuBench.Scenarios.Run;

/// <summary>
/// Everything a finished benchmark run established: the original <c>{pass, score, messages}</c> and all the
/// statistics behind them. Pass and score are decided here, from the verdicts and the ledgers, never by the reports.
/// </summary>
public sealed record BenchmarkResult
{
    /// <summary>False when a critical check or error occurred.</summary>
    public required bool Pass { get; init; }

    /// <summary>The total score (sum of <see cref="Scores"/>).</summary>
    public required long Score { get; init; }

    /// <summary>The distinct error messages, sorted (the original bench's <c>messages</c>; warnings of IsuBench's additions are in <see cref="Errors"/> only).</summary>
    public required IReadOnlyList<string> Messages { get; init; }

    /// <summary>What the run was asked to do.</summary>
    public required BenchmarkOptions Options { get; init; }

    /// <summary>When the run started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run ended (UTC).</summary>
    public required DateTimeOffset EndedAt { get; init; }

    /// <summary>True when the initial check found nothing critical.</summary>
    public required bool InitialCheckPassed { get; init; }

    /// <summary>True when the load phase ran (it is skipped after a critical initial check, or by <c>check</c>).</summary>
    public bool LoadRan => Load is not null;

    /// <summary>How the load phase's workers fared and what Matsuri did; null when it did not run.</summary>
    public LoadPhaseResult? Load { get; init; }

    /// <summary>True when the run was cut short (Ctrl+C); its numbers cover what ran.</summary>
    public bool Interrupted { get; init; }

    /// <summary>Points by kind.</summary>
    public required IReadOnlyList<ScoreBreakdown> Scores { get; init; }

    /// <summary>Per-endpoint requests, errors, timeouts and latency percentiles, sorted by endpoint.</summary>
    public required IReadOnlyList<EndpointSnapshot> Endpoints { get; init; }

    /// <summary>SSE delivery latency.</summary>
    public required DeliverySummary Delivery { get; init; }

    /// <summary>Distinct errors with counts, critical first.</summary>
    public required IReadOnlyList<ErrorEntry> Errors { get; init; }

    /// <summary>Occurrences of errors whose distinct message was not kept (the ledger is bounded).</summary>
    public long UnlistedErrors { get; init; }

    /// <summary>Every check of the initial check with its verdicts (sequence order, the watcher check last).</summary>
    public required IReadOnlyList<CheckOutcome> Checks { get; init; }

    /// <summary>The figures a regression gate compares, measured by the gate workload; null under ISUCON load, where the gate compares the score.</summary>
    public IReadOnlyDictionary<string, Workloads.Gate.GateFigure>? GateFigures { get; init; }

    /// <summary>Which TLS stack served each https origin, with its protocol and why; empty for http targets.</summary>
    public IReadOnlyList<TlsOriginUse> Tls { get; init; } = [];

    /// <summary>The samples of the run (about one per second).</summary>
    public required IReadOnlyList<TimeSeriesPoint> TimeSeries { get; init; }

    /// <summary>The wall-clock time (UTC) of the samples' elapsed zero; null when not known (then <see cref="StartedAt"/> stands for it).</summary>
    public DateTimeOffset? TimeSeriesOrigin { get; init; }

    /// <summary>The errors of each sample's interval by message, aligned with <see cref="TimeSeries"/>.</summary>
    public ErrorTimeline ErrorsOverTime { get; init; } = ErrorTimeline.Empty;

    /// <summary>
    /// Builds the result from the run's metrics, the initial check and the time series. The messages are the error
    /// ledger's (failed checks are recorded there too, with their request). <paramref name="checkedElsewhere"/> is, for a segment
    /// after the first, the outcome of segment 1's initial check (this segment ran none); null when this process ran it.
    /// </summary>
    public static BenchmarkResult Collect(
        BenchmarkOptions options,
        RunMetrics metrics,
        InitialCheckResult initialCheck,
        LoadPhaseResult? load,
        IReadOnlyList<TimeSeriesPoint> timeSeries,
        DateTimeOffset startedAt,
        DateTimeOffset endedAt,
        bool interrupted = false,
        bool? checkedElsewhere = null)
    {
        var errors = metrics.Errors.Snapshot();
        var scores = metrics.Score.Snapshot()
            .OrderBy(pair => pair.Key)
            .Select(pair => new ScoreBreakdown(pair.Key, pair.Value.Count, pair.Value.Points))
            .ToList();
        // An initial check interrupted before any check finished has passed nothing.
        bool initialPassed = checkedElsewhere ?? (initialCheck.Passed && initialCheck.Checks.Count > 0);
        var messages = errors.Where(e => e.Kind != ErrorKind.Warning).Select(e => e.Message)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new BenchmarkResult
        {
            Pass = initialPassed && !metrics.Errors.HasCritical && !interrupted,
            Score = scores.Sum(s => s.Points),
            Messages = messages,
            Options = options,
            StartedAt = startedAt,
            EndedAt = endedAt,
            InitialCheckPassed = initialPassed,
            Load = load,
            Interrupted = interrupted,
            Scores = scores,
            Endpoints = metrics.Endpoints.Snapshot(),
            Delivery = DeliverySummary.From(metrics.Delivery),
            Errors = errors,
            UnlistedErrors = metrics.Errors.DroppedDistinct,
            Checks = initialCheck.Checks,
            Tls = metrics.Tls.Snapshot(),
            TimeSeries = timeSeries,
        };
    }
}
