using System.Net.Sockets;

namespace IsuBench.Engine.Http;

/// <summary>A TCP socket that holds a place of a <see cref="SocketBudget"/> and gives it back, once, when it is disposed.</summary>
internal sealed class BudgetedSocket : Socket
{
    private readonly SocketBudget _budget;
    private int _released;

    private BudgetedSocket(AddressFamily family, SocketBudget budget) : base(family, SocketType.Stream, ProtocolType.Tcp) => _budget = budget;

    /// <summary>
    /// A socket within <paramref name="budget"/>, with Nagle off. Past the budget, or when the system itself has no descriptor
    /// left, it throws the error of running out (<see cref="SocketError.TooManyOpenSockets"/> or the system's own).
    /// </summary>
    public static BudgetedSocket Open(AddressFamily family, SocketBudget budget)
    {
        if (!budget.TryTake()) throw new SocketException((int)SocketError.TooManyOpenSockets);
        BudgetedSocket socket;
        try
        {
            socket = new BudgetedSocket(family, budget);
        }
        catch
        {
            budget.Release();
            throw;
        }
        try
        {
            socket.NoDelay = true;
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) _budget.Release();
        base.Dispose(disposing);
    }
}
