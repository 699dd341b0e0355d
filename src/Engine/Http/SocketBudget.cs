namespace IsuBench.Engine.Http;

/// <summary>
/// A bound on the sockets the bench holds open. <see cref="Process"/>'s is the process's descriptor limit less a reserve
/// for what the runtime and the bench open besides (libraries, epoll, pipes, files): a .NET process that runs out of
/// descriptors may abort ("Out of memory.") instead of failing one connect, as the bench did at the limit of 20,000
/// while a tuned server kept 18,000 watchers busy. Past the bound a connect fails as the bench's own capacity, which runs
/// report as <c>bench_capacity</c>, and the process lives on.
/// </summary>
public sealed class SocketBudget(int capacity)
{
    /// <summary>The least number of descriptors kept free for everything that is not a bench socket.</summary>
    public const int MinimumReserve = 256;

    private int _open;

    /// <summary>The budget of this process, from its limit of open files, raised first as far as allowed (<see cref="OpenFilesLimit"/>).</summary>
    public static SocketBudget Process { get; } = new(CapacityFor(OpenFilesLimit.Raise()));

    /// <summary>How many sockets may be open at once.</summary>
    public int Capacity { get; } = capacity;

    /// <summary>Sockets open now.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>The capacity under a limit of <paramref name="openFiles"/> descriptors: a twentieth of it, at least <see cref="MinimumReserve"/>, is kept back.</summary>
    public static int CapacityFor(long openFiles) =>
        (int)Math.Clamp(openFiles - Math.Max(MinimumReserve, openFiles / 20), 0, int.MaxValue);

    /// <summary>Takes one socket's place; false when as many are open as the budget allows.</summary>
    public bool TryTake()
    {
        if (Interlocked.Increment(ref _open) <= Capacity) return true;
        Interlocked.Decrement(ref _open);
        return false;
    }

    /// <summary>Gives a place back when its socket is closed.</summary>
    public void Release() => Interlocked.Decrement(ref _open);
}
