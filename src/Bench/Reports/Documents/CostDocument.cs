using System.Text.Json.Serialization;
using IsuBench.Bench.Cost;

namespace IsuBench.Bench.Reports;

/// <summary>
/// What each CPU source spent over the measured window (after the warm-up), per request the bench completed in it: the
/// server's sources (<c>run --target-pid</c>, <c>--target-cgroup</c>, <c>--target-metrics</c>) and the bench itself,
/// how busy the machine was, and CPU over the whole run; then, under the gate workload, the same over each kind window.
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
    /// <summary>
    /// The gate workload's kind windows, in the order they ran: each kind of request sent alone, with each source's CPU per
    /// request of that kind; absent under ISUCON load and in results written before they existed.
    /// </summary>
    [JsonPropertyName("kinds")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CostKindDocument>? Kinds { get; init; }

    /// <summary>The document of <paramref name="report"/>.</summary>
    internal static CostDocument From(CostReport report) => new()
    {
        OpenedAtSeconds = Math.Round(report.OpenedAt.TotalSeconds, 3),
        ClosedAtSeconds = report.ClosedAt is { } closed ? Math.Round(closed.TotalSeconds, 3) : null,
        Requests = report.Requests,
        Sources = SourcesOf(report.Sources),
        Machine = MachineOf(report.Machine, CrowdedKind(report)),
        Series = report.Series.Select(p => new CostSampleDocument(Math.Round(p.Elapsed.TotalSeconds, 3), p.CpuMsPerSecond)).ToList(),
        Kinds = report.Kinds.Count == 0 ? null : report.Kinds.Select(k => new CostKindDocument(
            k.Kind, Seconds(k.OpenedAt), k.ClosedAt is { } closed ? Seconds(closed) : null, k.Requests, SourcesOf(k.Sources))
        {
            Machine = MachineOf(k.Machine, null),
        }).ToList(),
    };

    private static double Seconds(TimeSpan elapsed) => Math.Round(elapsed.TotalSeconds, 3);

    private static List<CostSourceDocument> SourcesOf(IReadOnlyList<SourceCost> sources) =>
        sources.Select(s => new CostSourceDocument(
            s.Name, s.Kind, s.Detail, s.Cpus, s.Gated,
            s.Cpu is { } cpu ? Math.Round(cpu.TotalMilliseconds, 3) : null, s.CpuMsPerRequest, s.Missing)).ToList();

    // The run is crowded when its measured window was, or else when one of its kind windows was: the gate's figures of a
    // kind come from there, and a neighbour there moves them as much (the gate reads one mark for the whole run).
    private static MachineLoadDocument? MachineOf(MachineLoad? machine, string? crowdedKind) =>
        machine is null
            ? null
            : new MachineLoadDocument(
                machine.Busy, machine.Steal, machine.Cpus.Select(c => new CpuLoadDocument(c.Cpu, c.Busy, c.Steal)).ToList())
            {
                OtherCpus = machine.OtherCpus,
                Crowded = machine.Crowded ?? crowdedKind,
            };

    private static string? CrowdedKind(CostReport report) =>
        report.Kinds.FirstOrDefault(k => k.Machine?.Crowded is not null) is { } kind
            ? $"while {kind.Kind} was sent alone, {kind.Machine!.Crowded}"
            : null;
}
