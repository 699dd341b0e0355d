using IsuBench.Engine.Execution;
using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;
using IsuBench.Engine.Sse;
using IsuBench.Scenarios.Judging;
using IsuBench.Scenarios.InitialCheck;
using IsuBench.Scenarios.Workloads.Gate;
using IsuBench.Scenarios.Workloads;

namespace IsuBench.Scenarios.Run;

/// <summary>
/// One whole benchmark run: the initial check, then (if nothing critical failed and it is not check-only) the load
/// phase, all recorded into one <see cref="RunMetrics"/> and one time series. Its phase and metrics can be watched
/// while it runs (live progress).
/// </summary>
public sealed class BenchmarkRun
{
    private readonly BenchmarkOptions _options;
    private readonly LoadOptions _load;
    private readonly SessionOptions _sessionOptions;
    private readonly IClock _clock;
    private readonly TimeSeries _series;
    private volatile BenchmarkPhase _phase = BenchmarkPhase.Starting;
    private long _phaseStartedTicks;
    private readonly TimeSpan _createdAt;

    /// <summary>Prepares a run; <paramref name="load"/> overrides the load phase's numbers (its duration, seed and retry come from <paramref name="options"/>).</summary>
    public BenchmarkRun(BenchmarkOptions options, LoadOptions? load = null, SessionOptions? sessions = null, IClock? clock = null)
    {
        _options = options;
        _load = (load ?? new LoadOptions()) with { Duration = options.Duration, Seed = options.Seed, CompatRetry = options.CompatRetry, SseTransport = options.SseTransport };
        _sessionOptions = (sessions ?? new SessionOptions()) with { UserAgent = options.UserAgent };
        _clock = clock ?? SystemClock.Instance;
        Metrics = new RunMetrics(_clock, ScoreKinds.Scale);
        _series = new TimeSeries(Metrics);
        _phaseStartedTicks = _clock.Monotonic.Ticks;
        _createdAt = _clock.Monotonic;
    }

    /// <summary>Everything recorded so far.</summary>
    public RunMetrics Metrics { get; }

    /// <summary>The phase running now.</summary>
    public BenchmarkPhase Phase => _phase;

    /// <summary>Time spent in the current phase.</summary>
    public TimeSpan PhaseElapsed => _clock.Monotonic - TimeSpan.FromTicks(Interlocked.Read(ref _phaseStartedTicks));

    /// <summary>Time since the run was prepared.</summary>
    public TimeSpan Elapsed => _clock.Monotonic - _createdAt;

    /// <summary>The planned length of the load phase.</summary>
    public TimeSpan LoadDuration => _options.Duration;

    /// <summary>
    /// Runs the benchmark. Cancelling ends it early: the result then says so (<see cref="BenchmarkResult.Interrupted"/>)
    /// and covers what ran. Throws <see cref="InvalidDataException"/> when the assets manifest cannot be read.
    /// </summary>
    public async Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        var manifest = _options.AssetsManifest is { } path ? await AssetsManifestFile.ReadAsync(path, cancellationToken) : null;
        var startedAt = _clock.UtcNow;
        using var sessions = new SessionFactory(new Targets(_options.Targets), _sessionOptions, Metrics);
        using var sampling = new CancellationTokenSource();
        var sampler = _series.RunAsync(_load.SampleInterval, sampling.Token);
        InitialCheckResult initial = new([]);
        LoadPhaseResult? load = null;
        IReadOnlyDictionary<string, GateFigure>? gateFigures = null;
        bool interrupted = false;
        try
        {
            Enter(BenchmarkPhase.InitialCheck);
            initial = await InitialCheckRunner.RunAsync(new InitialCheckOptions
            {
                FrontEnd = _options.FrontEnd,
                AssetsManifestOverride = manifest,
                Seed = _options.Seed,
                CompatRetry = _options.CompatRetry,
                Strict = _options.Strict,
                SseTransport = _options.SseTransport,
            }, sessions, cancellationToken);
            if (initial.Passed && !_options.CheckOnly && !cancellationToken.IsCancellationRequested)
            {
                Enter(BenchmarkPhase.Load);
                if (_options.Workload == LoadWorkload.Gate)
                {
                    var gate = await GateWorkload.RunAsync(new GatePlan(), _load, sessions, cancellationToken);
                    load = new LoadPhaseResult(gate.Run, gate.Matsuri);
                    gateFigures = gate.Figures;
                }
                else
                {
                    load = await LoadPhase.RunAsync(_load, sessions, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            interrupted = true;
        }
        finally
        {
            await sampling.CancelAsync();
            await sampler;
            Enter(BenchmarkPhase.Done);
        }
        interrupted |= cancellationToken.IsCancellationRequested;
        return BenchmarkResult.Collect(_options, Metrics, initial, load, _series.Points, startedAt, _clock.UtcNow, interrupted) with
        {
            GateFigures = gateFigures,
            ErrorsOverTime = _series.ErrorsOverTime,
        };
    }

    private void Enter(BenchmarkPhase phase)
    {
        Interlocked.Exchange(ref _phaseStartedTicks, _clock.Monotonic.Ticks);
        _phase = phase;
    }
}
