namespace IsuBench.Scenarios.Workloads;

/// <summary>The watchers one Matsuri instance started, and the size of its next wave by <see cref="Waves"/>.</summary>
public sealed class WatcherRoster
{
    private readonly Lock _lock = new();
    private readonly List<WatcherState> _watchers = [];

    /// <summary>Watchers started so far.</summary>
    public int Started
    {
        get
        {
            lock (_lock)
            {
                return _watchers.Count;
            }
        }
    }

    /// <summary>Adds a watcher that is about to start.</summary>
    public void Add(WatcherState watcher)
    {
        lock (_lock)
        {
            _watchers.Add(watcher);
        }
    }

    /// <summary>A copy of the watchers.</summary>
    public IReadOnlyList<WatcherState> Watchers
    {
        get
        {
            lock (_lock)
            {
                return _watchers.ToList();
            }
        }
    }

    /// <summary>
    /// The next wave's size. Watchers that left because the bench ran out of capacity count on neither side:
    /// the bench's limit must not be held against the server.
    /// </summary>
    public int NextWave(int initialWave, int maxPerInstance)
    {
        int receiving = 0, others = 0, started;
        lock (_lock)
        {
            started = _watchers.Count;
            foreach (var watcher in _watchers)
            {
                if (watcher.LeftForCapacity)
                {
                    continue;
                }
                if (watcher.IsReceiving)
                {
                    receiving++;
                }
                else
                {
                    others++;
                }
            }
        }
        return Waves.NextWave(receiving, others, started, initialWave, maxPerInstance);
    }
}
