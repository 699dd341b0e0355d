namespace IsuBench.Bench.Cost;

/// <summary>
/// A CPU source that cannot be read, with a message that says which and why. <see cref="Unreachable"/>: it did not
/// answer (exit 4 before a run); otherwise it names nothing usable (a usage error, exit 2).
/// </summary>
public sealed class CpuSourceException(string message, bool unreachable = false) : Exception(message)
{
    /// <summary>True when the source did not answer, as opposed to answering with nothing usable.</summary>
    public bool Unreachable { get; } = unreachable;
}
