using System.Diagnostics;

namespace IsuBench.Bench.Cost;

/// <summary>
/// The bench's own CPU time (<see cref="Process.TotalProcessorTime"/>, refined by its threads' run times): reported beside
/// the server's, never gated.
/// </summary>
internal sealed class BenchProcessCpu : ICpuSource
{
    /// <summary>The name of its figures.</summary>
    public const string BenchName = "isubench";

    /// <inheritdoc />
    public string Name => BenchName;

    /// <inheritdoc />
    public string Kind => "bench";

    /// <inheritdoc />
    public string Detail => $"pid {Environment.ProcessId}";

    /// <inheritdoc />
    public string? Cpus { get; } = CpuAffinity.AllowedList(Path.Combine(ProcStatReader.DefaultRoot, "self"));

    // The yardstick of a kind window is a few milliseconds of the bench's CPU: read at its threads' resolution.
    private readonly ThreadCpuClock _threads = new(Path.Combine(ProcStatReader.DefaultRoot, "self", "task"), ClockTicks.PerSecond);

    /// <inheritdoc />
    public Task<TimeSpan> ReadAsync(CancellationToken cancellationToken)
    {
        using var process = Process.GetCurrentProcess();
        return Task.FromResult(_threads.Read(process.TotalProcessorTime));
    }
}
