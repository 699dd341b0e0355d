using IsuBench.Engine.Execution;
using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;
using IsuBench.Engine.Sse;
using IsuBench.Scenarios.InitialCheck;
using IsuBench.Scenarios.Judging;
using IsuBench.Scenarios.Workloads;
using IsuBench.Scenarios.Workloads.Gate;

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
    private readonly IInitialCheckRelay? _relay;
    private readonly TimeSeries _series;
    private volatile BenchmarkPhase _phase = BenchmarkPhase.Starting;
    private long _phaseStartedTicks;
    private readonly TimeSpan _createdAt;

    /// <summary>Prepares a run; <paramref name="load"/> overrides the load phase's numbers (its duration, seed and retry come from <paramref name="options"/>).</summary>
    /// <remarks>
    /// A segment of a run (<see cref="BenchmarkOptions.Segment"/>) shares the run's one initial check through <paramref name="relay"/>:
    /// segment 1 runs it and publishes its outcome, the others await it instead of checking (none: they run their load unchecked).
    /// </remarks>
    public BenchmarkRun(BenchmarkOptions options, LoadOptions? load = null, SessionOptions? sessions = null, IClock? clock = null, IInitialCheckRelay? relay = null)
    {
        _options = options;
        _relay = relay;
        _load = (load ?? new LoadOptions()) with
        {
            Duration = options.Duration,
            Seed = options.Seed,
            CompatRetry = options.CompatRetry,
            SseTransport = options.SseTransport,
            Segment = options.Segment,
        };
        _sessionOptions = (sessions ?? new SessionOptions()) with { UserAgent = options.UserAgent, Tls = options.Tls };
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
        bool? checkedElsewhere = null;
        try
        {
            bool checkPassed;
            if (_options.Segment.RunsInitialCheck)
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
                checkPassed = initial.Passed && initial.Checks.Count > 0;
                if (_relay is not null) await _relay.PublishAsync(checkPassed, cancellationToken);
            }
            else
            {
                Enter(BenchmarkPhase.Waiting);
                checkPassed = await AwaitCheckElsewhereAsync(cancellationToken);
                checkedElsewhere = checkPassed;
            }
            if (checkPassed && !_options.CheckOnly && !cancellationToken.IsCancellationRequested)
            {
                if (_options.StartAt is { } startAt && startAt - _clock.UtcNow is { } wait && wait > TimeSpan.Zero)
                {
                    Enter(BenchmarkPhase.Waiting);
                    await Task.Delay(wait, cancellationToken);
                }
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
        return BenchmarkResult.Collect(_options, Metrics, initial, load, _series.Points, startedAt, _clock.UtcNow, interrupted, checkedElsewhere) with
        {
            GateFigures = gateFigures,
            ErrorsOverTime = _series.ErrorsOverTime,
            TimeSeriesOrigin = _series.Origin,
        };
    }

    // A segment after the first: segment 1's outcome through the relay; a failed or missing outcome is a critical error of this
    // segment, so that its partial result says why it sent no load. Without a relay (--skip-initial-check) the load runs unchecked.
    private async Task<bool> AwaitCheckElsewhereAsync(CancellationToken cancellationToken)
    {
        if (_options.SkipInitialCheck || _relay is null) return true;
        var segment = _options.Segment;
        switch (await _relay.AwaitAsync(cancellationToken))
        {
            case true:
                return true;
            case false:
                Metrics.Errors.AddCritical($"segment {segment}: the initial check of segment 1/{segment.Count} failed; this segment sent no load");
                return false;
            default:
                Metrics.Errors.AddCritical($"segment {segment}: no outcome of segment 1/{segment.Count}'s initial check ({_relay.Describe}); this segment sent no load");
                return false;
        }
    }

    private void Enter(BenchmarkPhase phase)
    {
        Interlocked.Exchange(ref _phaseStartedTicks, _clock.Monotonic.Ticks);
        _phase = phase;
    }
}
