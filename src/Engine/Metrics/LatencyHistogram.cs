using HdrHistogram;
using HdrHistogram.Utilities;

namespace IsuBench.Engine.Metrics;

/// <summary>A thread-safe latency histogram in microseconds (HdrHistogram, 3 significant digits, up to one hour).</summary>
public sealed class LatencyHistogram
{
    private static readonly long HighestTrackable = TimeSpan.FromHours(1).Ticks / TimeSpan.TicksPerMicrosecond;
    private readonly LongConcurrentHistogram _histogram = new(1, HighestTrackable, 3);

    /// <summary>Records one duration; negative values count as zero, values past one hour as one hour.</summary>
    public void Record(TimeSpan duration)
    {
        long micros = duration.Ticks / TimeSpan.TicksPerMicrosecond;
        _histogram.RecordValue(Math.Clamp(micros, 0, HighestTrackable));
    }

    /// <summary>A consistent copy of the percentiles recorded so far.</summary>
    public LatencySnapshot Snapshot()
    {
        var copy = _histogram.Copy();
        if (copy.TotalCount == 0)
        {
            return LatencySnapshot.Empty;
        }
        return new LatencySnapshot(
            copy.TotalCount,
            Millis(copy.GetValueAtPercentile(50)),
            Millis(copy.GetValueAtPercentile(90)),
            Millis(copy.GetValueAtPercentile(99)),
            Millis(copy.GetValueAtPercentile(99.9)),
            Millis(copy.GetMaxValue()));
    }

    /// <summary>
    /// Counts of recorded durations per bucket: bucket i holds those above bound i-1 and at most bound i
    /// (<paramref name="upperBounds"/> ascending); one more bucket holds those above the last bound.
    /// </summary>
    public IReadOnlyList<long> CountBuckets(IReadOnlyList<TimeSpan> upperBounds)
    {
        var counts = new long[upperBounds.Count + 1];
        var bounds = upperBounds.Select(b => b.Ticks / TimeSpan.TicksPerMicrosecond).ToArray();
        var copy = _histogram.Copy();
        foreach (var value in copy.RecordedValues())
        {
            // Values equivalent within the histogram's precision share a slot; its lowest value stands for them.
            long lowest = copy.LowestEquivalentValue(value.ValueIteratedTo);
            int index = Array.FindIndex(bounds, bound => lowest <= bound);
            counts[index < 0 ? bounds.Length : index] += value.CountAtValueIteratedTo;
        }
        return counts;
    }

    /// <summary>
    /// What was recorded, exactly, as HdrHistogram's compressed encoding in base64 (the form its other ports read too): a
    /// segment's partial result keeps it so that a merge adds the histograms themselves, not their percentiles.
    /// </summary>
    public string Encode()
    {
        var copy = _histogram.Copy();
        var buffer = ByteBuffer.Allocate(copy.GetNeededByteBufferCapacity());
        int length = copy.EncodeIntoCompressedByteBuffer(buffer);
        // The package's ByteBuffer keeps its array to itself: read the encoding back byte by byte.
        buffer.Position = 0;
        var bytes = new byte[length];
        for (int i = 0; i < length; i++) bytes[i] = buffer.Get();
        return Convert.ToBase64String(bytes);
    }

    /// <summary>Adds every value of an <see cref="Encode"/>d histogram; throws <see cref="FormatException"/> when the text is not one.</summary>
    public void Add(string encoded)
    {
        HistogramBase decoded;
        try
        {
            decoded = HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(Convert.FromBase64String(encoded)), HighestTrackable);
        }
        catch (Exception e) when (e is not FormatException)
        {
            throw new FormatException($"not an encoded histogram: {e.Message}", e);
        }
        _histogram.Add(decoded);
    }

    /// <summary>A histogram holding what <paramref name="encoded"/> holds (see <see cref="Add(string)"/>).</summary>
    public static LatencyHistogram Decode(string encoded)
    {
        var histogram = new LatencyHistogram();
        histogram.Add(encoded);
        return histogram;
    }

    private static double Millis(long micros) => micros / 1000.0;
}
