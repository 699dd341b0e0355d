using IsuBench.Scenarios.Run;

namespace IsuBench.Bench.Progress;

/// <summary>What the progress display shows at one moment.</summary>
/// <param name="Phase">The phase running.</param>
/// <param name="Elapsed">Time in this phase.</param>
/// <param name="Total">The phase's planned length, or null when it has none (the initial check runs until done).</param>
/// <param name="Score">The score so far.</param>
/// <param name="RequestsPerSecond">Requests per second since the previous snapshot.</param>
/// <param name="Watchers">SSE watchers connected now.</param>
/// <param name="Errors">Server errors so far (ordinary and critical).</param>
internal sealed record ProgressSnapshot(BenchmarkPhase Phase, TimeSpan Elapsed, TimeSpan? Total, long Score, double RequestsPerSecond, long Watchers, long Errors)
{
    /// <summary>The phase as shown to people.</summary>
    public string PhaseName => Phase switch
    {
        BenchmarkPhase.Starting => "starting",
        BenchmarkPhase.InitialCheck => "initial check",
        BenchmarkPhase.Waiting => "waiting",
        BenchmarkPhase.Load => "load",
        _ => "done",
    };

    /// <summary>"12/60 s" or "12 s" when the phase has no planned length.</summary>
    public string ElapsedText => Total is { } total
        ? $"{Math.Min(Elapsed.TotalSeconds, total.TotalSeconds):F0}/{total.TotalSeconds:F0} s"
        : $"{Elapsed.TotalSeconds:F0} s";

    /// <summary>
    /// The processes of <c>run --processes N</c> whose sums this is, and how many of them still run; null for one process.
    /// </summary>
    public (int Running, int Count)? Processes { get; init; }

    /// <summary>The panel's heading: "isubench", or with the processes summed, "isubench, 2 processes (1 running)".</summary>
    public string Heading => Processes is { } p ? $"isubench, {p.Count} processes ({p.Running} running)" : "isubench";

    /// <summary>One plain line, for logs and pipes.</summary>
    public override string ToString() =>
        $"[{PhaseName} {ElapsedText}] score {Score}  req/s {RequestsPerSecond:F1}  watchers {Watchers}  errors {Errors}"
        + (Processes is { } p ? $"  processes {p.Running}/{p.Count} running" : "");
}
