using System.Text.Json.Serialization;
using IsuBench.Bench.Cost;

namespace IsuBench.Bench.Reports;

/// <summary>
/// What each CPU source spent over the measured window (after the warm-up), per request the bench completed in it: the
/// server's sources (<c>run --target-pid</c>, <c>--target-cgroup</c>, <c>--target-metrics</c>) and the bench itself,
/// how busy the machine was, and CPU over the whole run.
/// </summary>
public sealed record CostDocument
{
    /// <summary>When the window opened, in seconds since the run started.</summary>
    [JsonPropertyName("opened_at_seconds")] public required double OpenedAtSeconds { get; init; }
    /// <summary>When it closed; null when it never did (the run stopped in between).</summary>
    [JsonPropertyName("closed_at_seconds")] public double? ClosedAtSeconds { get; init; }
    /// <summary>Requests the bench completed within the window: the divisor of every figure.</summary>
    [JsonPropertyName("requests")] public required long Requests { get; init; }
    /// <summary>Each source: the server's in the order given, then the bench's.</summary>
    [JsonPropertyName("sources")] public required IReadOnlyList<CostSourceDocument> Sources { get; init; }
    /// <summary>How busy the machine's CPUs were within the window (from /proc/stat); null where that cannot be read.</summary>
    [JsonPropertyName("machine")] public MachineLoadDocument? Machine { get; init; }
    /// <summary>Milliseconds of CPU per second of each source on this machine, about once a second over the run.</summary>
    [JsonPropertyName("series")] public required IReadOnlyList<CostSampleDocument> Series { get; init; }

    /// <summary>The document of <paramref name="report"/>.</summary>
    internal static CostDocument From(CostReport report) => new()
    {
        OpenedAtSeconds = Math.Round(report.OpenedAt.TotalSeconds, 3),
        ClosedAtSeconds = report.ClosedAt is { } closed ? Math.Round(closed.TotalSeconds, 3) : null,
        Requests = report.Requests,
        Sources = report.Sources.Select(s => new CostSourceDocument(
            s.Name, s.Kind, s.Detail, s.Cpus, s.Gated, s.Cpu is { } cpu ? Math.Round(cpu.TotalMilliseconds, 3) : null, s.CpuMsPerRequest, s.Missing)).ToList(),
        Machine = report.Machine is { } machine
            ? new MachineLoadDocument(machine.Busy, machine.Steal, machine.Cpus.Select(c => new CpuLoadDocument(c.Cpu, c.Busy, c.Steal)).ToList())
            {
                OtherCpus = machine.OtherCpus,
                Crowded = machine.Crowded,
            }
            : null,
        Series = report.Series.Select(p => new CostSampleDocument(Math.Round(p.Elapsed.TotalSeconds, 3), p.CpuMsPerSecond)).ToList(),
    };
}
