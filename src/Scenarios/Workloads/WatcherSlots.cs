namespace IsuBench.Scenarios.Workloads;

/// <summary>The bench's own ceiling on open watchers over all Matsuri instances (one process holds only so many sockets).</summary>
internal sealed class WatcherSlots(int capacity)
{
    private int _used;

    /// <summary>Watchers holding a slot now.</summary>
    public int Used => Volatile.Read(ref _used);

    /// <summary>Takes a slot; false when all are taken.</summary>
    public bool TryTake()
    {
        while (true)
        {
            int used = Volatile.Read(ref _used);
            if (used >= capacity)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _used, used + 1, used) == used)
            {
                return true;
            }
        }
    }

    /// <summary>Gives a slot back.</summary>
    public void Release() => Interlocked.Decrement(ref _used);
}
