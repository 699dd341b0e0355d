namespace IsuBench.Bench.Commands;

/// <summary>The process exit codes of docs/contract.md §4.</summary>
internal static class ExitCodes
{
    /// <summary>Everything passed.</summary>
    public const int Pass = 0;
    /// <summary>The benchmark failed (a critical error).</summary>
    public const int BenchmarkFailed = 1;
    /// <summary>The command line was wrong.</summary>
    public const int UsageError = 2;
    /// <summary>The gate found a regression.</summary>
    public const int Regression = 3;
    /// <summary>The target is unreachable or the environment lacks something; the message says the fix.</summary>
    public const int EnvironmentMissing = 4;
    /// <summary>The gate could not tell a regression from noise; more runs may decide.</summary>
    public const int Inconclusive = 5;
    /// <summary>Interrupted (Ctrl+C) before finishing.</summary>
    public const int Interrupted = 130;
}
