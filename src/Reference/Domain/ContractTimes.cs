namespace IsuBench.Reference.Domain;

/// <summary>The contract's times (docs/contract.md §1.3 and §1.4), the same for every store profile.</summary>
internal static class ContractTimes
{
    /// <summary>How long a CSRF token stays valid.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(1);

    /// <summary>A watcher counts while its heartbeat is younger than this.</summary>
    public static readonly TimeSpan WatcherWindow = TimeSpan.FromSeconds(3);
}
