using IsuBench.Scenarios.Run;

namespace IsuBench.Bench.Progress;

/// <summary>
/// One snapshot of the segments of <c>run --processes N</c>: the phase (and its time) of the least advanced segment still running,
/// the score and errors summed over every segment's latest snapshot, requests per second and watchers over the running ones.
/// </summary>
internal static class CombinedProgress
{
    /// <summary>What is known of one segment: its latest snapshot (null before its first) and whether its process still runs.</summary>
    public readonly record struct Segment(ProgressSnapshot? Latest, bool Running);

    /// <summary>The snapshot the panel shows for <paramref name="segments"/>.</summary>
    public static ProgressSnapshot Of(IReadOnlyList<Segment> segments)
    {
        var starting = new ProgressSnapshot(BenchmarkPhase.Starting, TimeSpan.Zero, null, 0, 0, 0, 0);
        var running = segments.Where(s => s.Running).Select(s => s.Latest ?? starting).ToList();
        var known = segments.Select(s => s.Latest).OfType<ProgressSnapshot>().ToList();
        // The phase that holds the run back; once every process has ended, done, after the longest of them.
        var lead = running.Count > 0
            ? running.MinBy(s => s.Phase)!
            : starting with { Phase = BenchmarkPhase.Done, Elapsed = known.Count > 0 ? known.Max(s => s.Elapsed) : TimeSpan.Zero };
        return new ProgressSnapshot(
            lead.Phase, lead.Elapsed, lead.Total,
            known.Sum(s => s.Score), running.Sum(s => s.RequestsPerSecond), running.Sum(s => s.Watchers), known.Sum(s => s.Errors))
        {
            Processes = (running.Count, segments.Count),
        };
    }
}
