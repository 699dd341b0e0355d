using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Engine.Execution;
using IsuBench.Engine.Http;
using IsuBench.Scenarios.Judging;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>
/// What one check works with: new sessions on the targets, a seeded random source, the options, and the run's judge, which
/// keeps this check's verdicts for its report. Disposing it disposes its sessions (and their connections).
/// </summary>
internal sealed class CheckContext : IDisposable
{
    private readonly SessionFactory _sessions;
    private readonly RunState _run;
    private readonly Judge _judge;
    private readonly List<Verdict> _verdicts = [];
    private readonly List<Session> _created = [];
    private readonly Lock _lock = new();

    public CheckContext(string name, InitialCheckOptions options, SessionFactory sessions, RunState run)
    {
        Name = name;
        _sessions = sessions;
        _run = run;
        _judge = new Judge(sessions.Metrics, options.Strict, Keep);
        Requests = new JudgedRequests(CheckPhase.Initial, Judge);
        Options = options;
        Random = new Random(WorkerSeed.Derive(options.Seed, "initial-check/" + name, 0));
    }

    /// <summary>The check's name (one of <see cref="InitialCheckNames"/>).</summary>
    public string Name { get; }

    /// <summary>The options of the run.</summary>
    public InitialCheckOptions Options { get; }

    /// <summary>This check's random source; use it from the check's own flow only (not from concurrent tasks).</summary>
    public Random Random { get; }

    /// <summary>The run's judge, keeping this check's verdicts.</summary>
    public Judge RunJudge => _judge;

    /// <summary>The requests this check shares with the load, read by the initial check's rules and judged here (<see cref="Judge"/>).</summary>
    public JudgedRequests Requests { get; }

    /// <summary>The verdicts recorded so far, in order.</summary>
    public IReadOnlyList<Verdict> Verdicts
    {
        get
        {
            lock (_lock) return _verdicts.ToList();
        }
    }

    /// <summary>A new session (own cookies) on a target picked with this check's random source.</summary>
    public Session NewSession()
    {
        lock (_lock)
        {
            var session = _sessions.Create(Random);
            _created.Add(session);
            return session;
        }
    }

    /// <summary>Judges <paramref name="response"/> by <paramref name="verdicts"/> (<see cref="Judging.Judge.Response"/>), noting whether the target answered at all.</summary>
    public bool Judge(SessionResponse response, params IEnumerable<Verdict> verdicts)
    {
        _run.Observe(answered: response.Failure is not (FailureKind.Timeout or FailureKind.Transport));
        return _judge.Response(response, verdicts);
    }

    /// <summary>Records verdicts about no single response (a stream, a comparison across watchers). True when none failed but warnings.</summary>
    public bool Record(params IEnumerable<Verdict> verdicts) => _judge.Record(verdicts);

    /// <summary>A failed verdict saying this check stopped at <paramref name="request"/> because of <paramref name="what"/>.</summary>
    public Verdict Stopped(string request, string what) => CompletionRules.Stopped(Name, request, what);

    /// <summary>
    /// What a failed page adds to its verdict: <paramref name="blocked"/> failing with it where the original made the step's failure
    /// critical, else this check stopped there, incomplete (<see cref="CompletionRules"/>).
    /// </summary>
    public FailsWith StoppedBy(Rule? blocked = null) => (request, expected, actual) => blocked?.Fail(request, expected, actual) ?? Stopped(request, actual);

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var session in _created) session.Dispose();
            _created.Clear();
        }
    }

    private void Keep(Verdict verdict)
    {
        lock (_lock) _verdicts.Add(verdict);
    }
}
