using System.Globalization;

namespace IsuBench.Bench.Cost;

/// <summary>
/// When a run's machine was too busy with other work for its figures to be evidence of a regression. A neighbour that
/// keeps another CPU busy slows each instruction of the server (shared caches, memory bandwidth, a host that shares
/// cores), so its CPU time per request grows with no change of its own, and its latencies more (results/gate.md, "A
/// noisy neighbour"). The gate does not fail a candidate on such runs (docs/ARCHITECTURE.md, "Cost").
/// </summary>
internal static class CrowdedMachine
{
    /// <summary>
    /// Other processes may keep at most this many CPUs busy on average (a quarter of one CPU). On the quiet 2-core machine
    /// of results/gate.md they kept well under it; one <c>stress-ng --cpu 1</c> keeps a whole CPU busy.
    /// </summary>
    public const double MaxOtherCpus = 0.25;

    /// <summary>The hypervisor may take at most this share of the CPUs' time.</summary>
    public const double MaxSteal = 0.05;

    /// <summary>
    /// <paramref name="load"/> with the CPUs other processes kept busy over <paramref name="window"/>: the machine's busy
    /// time less <paramref name="measuredCpu"/>, what the bench and the server's sources on this machine spent; null when
    /// <paramref name="measuredCpu"/> is not known. Then whether that, or the hypervisor's share, crowded the machine.
    /// </summary>
    public static MachineLoad Judge(MachineLoad load, TimeSpan? measuredCpu, TimeSpan window)
    {
        double? others = measuredCpu is { } measured && window > TimeSpan.Zero && load.Cpus.Count > 0
            ? Math.Round(Math.Max(0, load.Busy * load.Cpus.Count - measured / window), 3)
            : null;
        return load with { OtherCpus = others, Crowded = ReasonOf(others, load.Steal) };
    }

    private static string? ReasonOf(double? otherCpus, double steal)
    {
        var reasons = new List<string>();
        if (otherCpus > MaxOtherCpus)
            reasons.Add($"other processes kept {N(otherCpus.Value)} CPUs busy (more than {N(MaxOtherCpus)})");
        if (steal > MaxSteal)
            reasons.Add($"the hypervisor took {N(steal * 100)} % of the CPUs' time (more than {N(MaxSteal * 100)} %)");
        return reasons.Count > 0 ? string.Join("; ", reasons) : null;
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
