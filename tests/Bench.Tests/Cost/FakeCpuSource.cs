using IsuBench.Bench.Cost;

namespace IsuBench.Tests.Bench.Cost;

/// <summary>A CPU source whose time the test sets, and that fails when told to.</summary>
internal sealed class FakeCpuSource(string name, string kind = "pid", bool remote = false) : ICpuSource
{
    public TimeSpan Cpu { get; set; }

    public string? Failure { get; set; }

    /// <summary>Added to <see cref="Cpu"/> after each read, as a busy process spends it.</summary>
    public TimeSpan PerRead { get; set; }

    public int Reads => Volatile.Read(ref _reads);

    private int _reads;

    public string Name => name;

    public string Kind => kind;

    public string Detail => $"fake {name}";

    public string? Cpus => "1";

    public bool Remote => remote;

    public Task<TimeSpan> ReadAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        if (Failure is { } failure) throw new CpuSourceException(failure);
        var cpu = Cpu;
        Cpu += PerRead;
        return Task.FromResult(cpu);
    }
}
