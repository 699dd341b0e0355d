using IsuBench.Engine.Execution;

namespace IsuBench.Engine.Metrics;

/// <summary>Everything a run records, shared by all its virtual users: score, errors, endpoint and delivery statistics, watchers.</summary>
public sealed class RunMetrics
{
    /// <summary>
    /// Creates the metrics of a run that scores on <paramref name="scale"/>; an <paramref name="observer"/> hears of every judged
    /// request. The error ledger keeps <paramref name="maxDistinctErrors"/> messages and tracks <paramref name="maxTrackedErrors"/> over time.
    /// </summary>
    public RunMetrics(IClock clock, ScoreScale scale, IRunObserver? observer = null, int maxDistinctErrors = 1000,
        int maxTrackedErrors = ErrorLedger.DefaultMaxTracked)
    {
        Score = new ScoreLedger(scale);
        Clock = clock;
        Observer = observer;
        Errors = new ErrorLedger(clock, maxDistinctErrors, maxTrackedErrors);
        Window = new MeasuredWindow(clock, Endpoints);
    }

    /// <summary>The run's clock.</summary>
    public IClock Clock { get; }

    /// <summary>Points by kind.</summary>
    public ScoreLedger Score { get; }

    /// <summary>Ordinary, critical and capacity messages.</summary>
    public ErrorLedger Errors { get; }

    /// <summary>Per-endpoint latency and counts.</summary>
    public EndpointStats Endpoints { get; } = new();

    /// <summary>SSE delivery latency.</summary>
    public DeliveryStats Delivery { get; } = new();

    /// <summary>Which TLS stack served each https origin, and why.</summary>
    public Http.TlsOrigins Tls { get; } = new();

    /// <summary>Watchers connected right now.</summary>
    public Gauge Watchers { get; } = new(BenchInstruments.WatcherChange);

    /// <summary>The part of the load phase the workload measures (after its warm-up), for what is measured beside it.</summary>
    public MeasuredWindow Window { get; }

    /// <summary>What hears of every judged request, if anything.</summary>
    public IRunObserver? Observer { get; }
}
