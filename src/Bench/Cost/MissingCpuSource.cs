namespace IsuBench.Bench.Cost;

/// <summary>A source that could not be opened for this run (its process gone, its endpoint silent): it stays in the report, marked missing with the reason.</summary>
internal sealed class MissingCpuSource(string name, string kind, string detail, string reason) : ICpuSource
{
    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public string Kind => kind;

    /// <inheritdoc />
    public string Detail => detail;

    /// <inheritdoc />
    public string? Cpus => null;

    /// <inheritdoc />
    public Task<TimeSpan> ReadAsync(CancellationToken cancellationToken) => throw new CpuSourceException(reason);
}
