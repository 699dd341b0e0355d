using IsuBench.Engine.Execution;

namespace IsuBench.Engine.Metrics;

/// <summary>
/// The part of the load phase whose requests the workload measures, as the workload marks it: under ISUCON load the
/// whole phase, under the gate workload from the end of its warm-up until its last measured request has ended. Whatever
/// else is measured over the same stretch (the CPU time a server spends) listens for its two moments.
/// </summary>
public sealed class MeasuredWindow
{
    private readonly IClock _clock;
    private readonly EndpointStats _endpoints;
    private readonly Lock _lock = new();
    private WindowMark? _opened;
    private WindowMark? _closed;

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

    private WindowMark Mark() => new(_clock.Monotonic, _endpoints.TotalRequests);
}
