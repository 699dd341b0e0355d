namespace IsuBench.Scenarios.Engine;

/// <summary>Everything a run records, shared by all its virtual users: score, errors, endpoint and delivery statistics, watchers.</summary>
public sealed class RunMetrics
{
    /// <summary>Creates the metrics of a run; pass a <paramref name="requestLog"/> to log every request.</summary>
    public RunMetrics(IClock clock, RequestLog? requestLog = null, int maxDistinctErrors = 1000)
    {
        Clock = clock;
        RequestLog = requestLog;
        Errors = new ErrorLedger(clock, maxDistinctErrors);
    }

    /// <summary>The run's clock.</summary>
    public IClock Clock { get; }

    /// <summary>Points by kind.</summary>
    public ScoreLedger Score { get; } = new();

    /// <summary>Ordinary, critical and capacity messages.</summary>
    public ErrorLedger Errors { get; }

    /// <summary>Per-endpoint latency and counts.</summary>
    public EndpointStats Endpoints { get; } = new();

    /// <summary>SSE delivery latency.</summary>
    public DeliveryStats Delivery { get; } = new();

    /// <summary>Watchers connected right now.</summary>
    public Gauge Watchers { get; } = new();

    /// <summary>The per-request log, when enabled.</summary>
    public RequestLog? RequestLog { get; }

    /// <summary>Counts a stroke delivered in time over a stream (1 point).</summary>
    public void ScoreStreamStroke()
    {
        Score.Add(ScoreKind.StreamStroke);
        RequestLog?.AddStreamStroke();
    }
}
