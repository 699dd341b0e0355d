namespace IsuBench.Engine.Metrics;

/// <summary>
/// The errors of a run over time: for each sample of its <see cref="TimeSeries"/>, the new occurrences of each tracked
/// message and of all the others; at most <paramref name="MaxTracked"/> messages are tracked.
/// </summary>
public sealed record ErrorTimeline(IReadOnlyList<ErrorTrack> Messages, IReadOnlyList<long> Other, int MaxTracked)
{
    /// <summary>No samples and no messages.</summary>
    public static ErrorTimeline Empty { get; } = new([], [], 0);
}
