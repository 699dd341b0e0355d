using IsuBench.Engine.Metrics;
using IsuBench.Scenarios.Run;

namespace IsuBench.Bench.Progress;

/// <summary>Takes progress snapshots of a running benchmark, computing requests per second between two snapshots.</summary>
internal sealed class ProgressSampler
{
    private readonly Func<BenchmarkPhase> _phase;
    private readonly Func<TimeSpan> _phaseElapsed;
    private readonly TimeSpan _loadDuration;
    private readonly RunMetrics _metrics;
    private TimeSpan _lastAt;
    private long _lastRequests;

    /// <summary>Samples the given phase and metrics; <paramref name="loadDuration"/> is the load phase's planned length.</summary>
    public ProgressSampler(Func<BenchmarkPhase> phase, Func<TimeSpan> phaseElapsed, TimeSpan loadDuration, RunMetrics metrics)
    {
        _phase = phase;
        _phaseElapsed = phaseElapsed;
        _loadDuration = loadDuration;
        _metrics = metrics;
        _lastAt = metrics.Clock.Monotonic;
        _lastRequests = metrics.Endpoints.TotalRequests;
    }

    /// <summary>A sampler of <paramref name="run"/>; once done, the elapsed time is the whole run's.</summary>
    public static ProgressSampler Of(BenchmarkRun run) =>
        new(() => run.Phase, () => run.Phase == BenchmarkPhase.Done ? run.Elapsed : run.PhaseElapsed, run.LoadDuration, run.Metrics);

    /// <summary>The state now; not thread-safe (one display samples).</summary>
    public ProgressSnapshot Sample()
    {
        var now = _metrics.Clock.Monotonic;
        long requests = _metrics.Endpoints.TotalRequests;
        double seconds = (now - _lastAt).TotalSeconds;
        double rate = seconds > 0 ? (requests - _lastRequests) / seconds : 0;
        _lastAt = now;
        _lastRequests = requests;
        var phase = _phase();
        return new ProgressSnapshot(phase, _phaseElapsed(), phase == BenchmarkPhase.Load ? _loadDuration : null,
            _metrics.Score.Total, rate, _metrics.Watchers.Value, _metrics.Errors.ServerErrors);
    }
}
