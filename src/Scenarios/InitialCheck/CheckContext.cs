using IsuBench.Checks.Verdicts;
using IsuBench.Scenarios.Engine;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>
/// What one check works with: new sessions on the targets, a seeded random source, the options, and the verdict
/// ledger of the check. Every response gets its verdict here: it scores when all its verdicts passed, otherwise
/// each failed verdict becomes an error message (critical when its rule is). Disposing it disposes its sessions (and their connections).
/// </summary>
internal sealed class CheckContext : IDisposable
{
    private readonly SessionFactory _sessions;
    private readonly RunState _run;
    private readonly List<Verdict> _verdicts = [];
    private readonly List<Session> _created = [];
    private readonly Lock _lock = new();

    public CheckContext(string name, InitialCheckOptions options, SessionFactory sessions, RunState run)
    {
        _sessions = sessions;
        _run = run;
        Options = options;
        Random = new Random(WorkerSeed.Derive(options.Seed, "initial-check/" + name, 0));
    }

    /// <summary>The options of the run.</summary>
    public InitialCheckOptions Options { get; }

    /// <summary>This check's random source; use it from the check's own flow only (not from concurrent tasks).</summary>
    public Random Random { get; }

    /// <summary>The run's metrics (score and error ledgers).</summary>
    public RunMetrics Metrics => _sessions.Metrics;

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

    /// <summary>
    /// Records <paramref name="verdicts"/> as the verdict of <paramref name="response"/>: scores it when all passed, else records
    /// each failure's message. Returns true when all passed. A response the bench could not send (capacity) records nothing in the session.
    /// </summary>
    public bool Judge(Session session, SessionResponse response, params IEnumerable<Verdict> verdicts)
    {
        var list = verdicts.ToList();
        lock (_lock) _verdicts.AddRange(list);
        if (response.Failure is FailureKind.Timeout or FailureKind.Transport) _run.TargetStoppedAnswering = true;
        var failures = list.Failures();
        if (response.Failure == FailureKind.BenchCapacity) return false;
        if (failures.Count == 0)
        {
            if (response.Failure != FailureKind.None) return false;
            session.Succeed(response);
            return true;
        }
        foreach (var failure in failures) session.Fail(response, MessageOf(failure), failure.Critical ? ErrorKind.Critical : ErrorKind.Ordinary);
        return false;
    }

    /// <summary>Records verdicts about no single response (a stream, a comparison across watchers); failures go to the error ledger.</summary>
    public bool Record(params IEnumerable<Verdict> verdicts)
    {
        var list = verdicts.ToList();
        lock (_lock) _verdicts.AddRange(list);
        foreach (var failure in list.Failures()) Metrics.Errors.Add(failure.Critical ? ErrorKind.Critical : ErrorKind.Ordinary, MessageOf(failure));
        return list.AllPassed();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var session in _created) session.Dispose();
            _created.Clear();
        }
    }

    /// <summary>The error message a failed verdict leaves in the result: the rule's message and the request it concerns.</summary>
    public static string MessageOf(Verdict verdict) => $"{verdict.Message} ({verdict.Evidence.Request})";
}
