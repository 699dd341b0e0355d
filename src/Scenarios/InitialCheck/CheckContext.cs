using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Scenarios.Engine;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>
/// What one check works with: new sessions on the targets, a seeded random source, the options, and the verdict
/// ledger of the check. Every response gets its verdict here: it scores when no verdict failed but warnings, otherwise
/// each failed verdict becomes an error message (critical when its rule is). A failed IsuBench addition is a warning,
/// and critical only with <c>--strict</c> (<see cref="Verdict.Weighed"/>). Disposing it disposes its sessions (and their connections).
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
        Name = name;
        _sessions = sessions;
        _run = run;
        Options = options;
        Random = new Random(WorkerSeed.Derive(options.Seed, "initial-check/" + name, 0));
    }

    /// <summary>The check's name (one of <see cref="InitialCheckNames"/>).</summary>
    public string Name { get; }

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
    /// Records <paramref name="verdicts"/> as the verdict of <paramref name="response"/>: scores it when none failed but warnings, else
    /// records each failure's message. Returns true when none failed but warnings. A response the bench could not send (capacity)
    /// records nothing in the session.
    /// </summary>
    public bool Judge(Session session, SessionResponse response, params IEnumerable<Verdict> verdicts)
    {
        var list = Weigh(verdicts);
        _run.Observe(answered: response.Failure is not (FailureKind.Timeout or FailureKind.Transport));
        if (response.Failure == FailureKind.BenchCapacity) return false;
        var errors = RecordWarnings(list);
        if (errors.Count == 0)
        {
            if (response.Failure != FailureKind.None) return false;
            session.Succeed(response);
            return true;
        }
        foreach (var failure in errors) session.Fail(response, MessageOf(failure), failure.Critical ? ErrorKind.Critical : ErrorKind.Ordinary);
        return false;
    }

    /// <summary>Records verdicts about no single response (a stream, a comparison across watchers); failures go to the error ledger. True when none failed but warnings.</summary>
    public bool Record(params IEnumerable<Verdict> verdicts)
    {
        var errors = RecordWarnings(Weigh(verdicts));
        foreach (var failure in errors) Metrics.Errors.Add(failure.Critical ? ErrorKind.Critical : ErrorKind.Ordinary, MessageOf(failure));
        return errors.Count == 0;
    }

    /// <summary>A failed verdict saying this check stopped at <paramref name="request"/> because of <paramref name="what"/>.</summary>
    public Verdict Stopped(string request, string what) => CompletionRules.Stopped(Name, request, what);

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var session in _created) session.Dispose();
            _created.Clear();
        }
    }

    // Keeps the verdicts as the run weighs them (so the result and its Passed agree with the ledger).
    private List<Verdict> Weigh(IEnumerable<Verdict> verdicts)
    {
        var list = verdicts.Select(v => v.Weighed(Options.Strict)).ToList();
        lock (_lock) _verdicts.AddRange(list);
        return list;
    }

    // Warnings go to the ledger as such; the failures that remain are the caller's to record.
    private List<Verdict> RecordWarnings(List<Verdict> verdicts)
    {
        var errors = new List<Verdict>();
        foreach (var failure in verdicts.Failures())
        {
            if (failure.IsWarning) Metrics.Errors.Add(ErrorKind.Warning, MessageOf(failure));
            else errors.Add(failure);
        }
        return errors;
    }

    /// <summary>The error message a failed verdict leaves in the result: the rule's message and the request it concerns.</summary>
    public static string MessageOf(Verdict verdict) => $"{verdict.Message} ({verdict.Evidence.Request})";
}
