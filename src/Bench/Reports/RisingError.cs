namespace IsuBench.Bench.Reports;

/// <summary>
/// One of a run's most frequent error messages (<paramref name="Rank"/> 1 is the most frequent) and when it rose: first seen at
/// <paramref name="FirstSeenSeconds"/>, rising from <paramref name="RiseSeconds"/> to its peak of <paramref name="PeakCount"/> in the
/// sample at <paramref name="PeakSeconds"/>; seconds since the run began, as on the charts.
/// </summary>
public sealed record RisingError(
    int Rank, string Kind, string Message, long Total, double FirstSeenSeconds, double RiseSeconds, double PeakSeconds, long PeakCount,
    IReadOnlyList<long> Counts);
