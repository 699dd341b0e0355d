using IsuBench.Engine.Execution;

namespace IsuBench.Engine.Metrics;

/// <summary>
/// The part of the load phase whose requests the workload measures, as the workload marks it: under ISUCON load the
/// whole phase, under the gate workload from the end of its warm-up until its last measured request has ended. Whatever
/// else is measured over the same stretch (the CPU time a server spends) listens for its two moments. A workload may
/// also mark kind windows after it (<see cref="OpenKind"/>): stretches in which it sends one kind of request alone, so
/// that what is measured beside them can be put down to that kind.
/// </summary>
public sealed class MeasuredWindow
{
    private readonly IClock _clock;
    private readonly EndpointStats _endpoints;
    private readonly Lock _lock = new();
    private WindowMark? _opened;
    private WindowMark? _closed;
    private readonly List<KindWindow> _kinds = [];
    private int _openKind = -1;

    /// <summary>A window of a run timed by <paramref name="clock"/> whose requests <paramref name="endpoints"/> counts.</summary>
    public MeasuredWindow(IClock clock, EndpointStats endpoints)
    {
        _clock = clock;
        _endpoints = endpoints;
    }

    /// <summary>Raised once, on the thread that opens the window; a listener must return at once (start its reads, not await them).</summary>
    public event Action<WindowMark>? Opened;

    /// <summary>Raised once, on the thread that closes the window, after <see cref="Opened"/>.</summary>
    public event Action<WindowMark>? Closed;

    /// <summary>Raised when a kind window opens, on the thread that opens it, with the kind's name; a listener returns at once.</summary>
    public event Action<string, WindowMark>? KindOpened;

    /// <summary>Raised when a kind window closes, on the thread that closes it.</summary>
    public event Action<string, WindowMark>? KindClosed;

    /// <summary>The kind windows marked so far, in order.</summary>
    public IReadOnlyList<KindWindow> Kinds
    {
        get { lock (_lock) return [.. _kinds]; }
    }

    /// <summary>When the window opened and how many requests had finished by then; null while it has not.</summary>
    public WindowMark? OpenedAt
    {
        get { lock (_lock) return _opened; }
    }

    /// <summary>When the window closed; null while it has not.</summary>
    public WindowMark? ClosedAt
    {
        get { lock (_lock) return _closed; }
    }

    /// <summary>Marks the start; later calls change nothing.</summary>
    public void Open()
    {
        WindowMark mark;
        lock (_lock)
        {
            if (_opened is not null) return;
            _opened = mark = Mark();
        }
        Opened?.Invoke(mark);
    }

    /// <summary>Marks the end of a window that opened; a window that never opened stays unmeasured, and later calls change nothing.</summary>
    public void Close()
    {
        WindowMark mark;
        lock (_lock)
        {
            if (_opened is null || _closed is not null) return;
            _closed = mark = Mark();
        }
        Closed?.Invoke(mark);
    }

    /// <summary>
    /// Marks the start of a window in which the workload sends requests of <paramref name="kind"/> alone, the requests
    /// finished by then included; one at a time, each kind once.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another kind window is open, or <paramref name="kind"/> already had one.</exception>
    public void OpenKind(string kind)
    {
        WindowMark mark;
        lock (_lock)
        {
            if (_openKind >= 0) throw new InvalidOperationException($"the kind window of {_kinds[_openKind].Kind} is still open");
            if (_kinds.Any(k => k.Kind == kind)) throw new InvalidOperationException($"{kind} already had its kind window");
            mark = Mark();
            _openKind = _kinds.Count;
            _kinds.Add(new KindWindow(kind, mark, null));
        }
        KindOpened?.Invoke(kind, mark);
    }

    /// <summary>Marks the end of the open kind window, once its requests have all ended; nothing when none is open.</summary>
    public void CloseKind()
    {
        WindowMark mark;
        string kind;
        lock (_lock)
        {
            if (_openKind < 0) return;
            mark = Mark();
            kind = _kinds[_openKind].Kind;
            _kinds[_openKind] = _kinds[_openKind] with { Closed = mark };
            _openKind = -1;
        }
        KindClosed?.Invoke(kind, mark);
    }

    private WindowMark Mark() => new(_clock.Monotonic, _endpoints.TotalRequests);
}
