using System.Diagnostics;

namespace IsuBench.Bench.Cost;

/// <summary>The bench's own CPU time (<see cref="Process.TotalProcessorTime"/>): reported beside the server's, never gated.</summary>
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

    /// <inheritdoc />
    public Task<TimeSpan> ReadAsync(CancellationToken cancellationToken)
    {
        using var process = Process.GetCurrentProcess();
        return Task.FromResult(process.TotalProcessorTime);
    }
}
