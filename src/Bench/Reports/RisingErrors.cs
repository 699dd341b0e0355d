namespace IsuBench.Bench.Reports;

/// <summary>
/// The run's most frequent error messages over time and the moment each rose, from <c>errors_over_time</c>: what the reports
/// name when a run collapses.
/// </summary>
public static class RisingErrors
{
    /// <summary>How many messages the reports name, most frequent first.</summary>
    public const int Top = 5;

    /// <summary>A message is named only when it occurred at least this share as often as the most frequent one: one-offs are no cause.</summary>
    public const double MinShareOfTop = 0.05;

    /// <summary>A sample counts towards a rise when it holds at least this share of the message's peak (and at least one).</summary>
    public const double RiseShare = 0.1;

    /// <summary>A rise ends, looking back from the peak, at this many samples in a row below the rise share.</summary>
    public const int QuietSamples = 3;

    /// <summary>
    /// The <paramref name="count"/> most frequent messages with when they rose, leaving out those under <see cref="MinShareOfTop"/>;
    /// none when the result has no errors over time.
    /// </summary>
    public static IReadOnlyList<RisingError> Of(ResultDocument result, int count = Top)
    {
        if (result.ErrorsOverTime is not { } errors) return [];
        var times = result.TimeSeries.Select(p => p.ElapsedSeconds).ToList();
        var frequent = errors.Messages
            .Select(m => (Track: m, Counts: Aligned(m.Counts, times.Count)))
            .Select(m => (m.Track, m.Counts, Total: m.Counts.Sum()))
            .Where(m => m.Total > 0)
            .OrderByDescending(m => m.Total)
            .ThenBy(m => FirstIndex(m.Counts))
            .ToList();
        if (frequent.Count == 0) return [];
        long least = (long)Math.Ceiling(frequent[0].Total * MinShareOfTop);
        return frequent
            .Where(m => m.Total >= least)
            .Take(count)
            .Select((m, i) =>
            {
                int peak = PeakIndex(m.Counts);
                return new RisingError(i + 1, m.Track.Kind, m.Track.Message, m.Total,
                    times[FirstIndex(m.Counts)], times[RiseIndex(m.Counts)], times[peak], m.Counts[peak], m.Counts);
            })
            .ToList();
    }

    /// <summary>
    /// The occurrences of every message not among <paramref name="top"/> in each sample: the other tracked messages and the
    /// untracked rest, aligned with the time series.
    /// </summary>
    public static IReadOnlyList<long> Others(ResultDocument result, IReadOnlyList<RisingError> top)
    {
        int samples = result.TimeSeries.Count;
        if (result.ErrorsOverTime is not { } errors) return new long[samples];
        var named = top.Select(t => (t.Kind, t.Message)).ToHashSet();
        var sum = Aligned(errors.Other, samples).ToArray();
        foreach (var track in errors.Messages.Where(m => !named.Contains((m.Kind, m.Message))))
        {
            var counts = Aligned(track.Counts, samples);
            for (int i = 0; i < samples; i++) sum[i] += counts[i];
        }
        return sum;
    }

    /// <summary>
    /// The sample from which <paramref name="counts"/> rose to their peak: looking back from the (first) peak, the earliest sample at
    /// or above <see cref="RiseShare"/> of it with no <see cref="QuietSamples"/> quieter samples in a row between it and the peak.
    /// Scattered early occurrences before a quiet stretch are not the rise.
    /// </summary>
    public static int RiseIndex(IReadOnlyList<long> counts)
    {
        int peak = PeakIndex(counts);
        long threshold = Math.Max(1, (long)Math.Ceiling(counts[peak] * RiseShare));
        int rise = peak;
        for (int i = peak - 1; i >= 0; i--)
        {
            if (counts[i] < threshold) continue;
            if (rise - i - 1 >= QuietSamples) break;
            rise = i;
        }
        return rise;
    }

    private static int PeakIndex(IReadOnlyList<long> counts)
    {
        int peak = 0;
        for (int i = 1; i < counts.Count; i++)
            if (counts[i] > counts[peak]) peak = i;
        return peak;
    }

    private static int FirstIndex(IReadOnlyList<long> counts)
    {
        for (int i = 0; i < counts.Count; i++)
            if (counts[i] > 0) return i;
        return 0;
    }

    // A file edited by hand may hold more or fewer counts than samples; the charts go by the samples.
    private static IReadOnlyList<long> Aligned(IReadOnlyList<long> counts, int samples) =>
        counts.Count == samples ? counts : [.. counts.Take(samples), .. new long[Math.Max(0, samples - counts.Count)]];
}
