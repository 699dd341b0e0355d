namespace IsuBench.Bench.Cost;

/// <summary>
/// How busy the machine was over the measured window: each CPU, and all of them together; how many CPUs' worth of that
/// was spent by other processes than the bench and the server's sources on this machine (null when a source was not
/// measured); and, when that crowded the machine, why (<see cref="CrowdedMachine"/>).
/// </summary>
internal sealed record MachineLoad(IReadOnlyList<CpuLoad> Cpus, double Busy, double Steal)
{
    /// <summary>CPUs kept busy by other processes (1.0: one whole CPU), averaged over the window; null when unknown.</summary>
    public double? OtherCpus { get; init; }

    /// <summary>Why the machine was too crowded for the run's figures to show a regression; null when it was not.</summary>
    public string? Crowded { get; init; }
}
