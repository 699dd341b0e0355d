namespace IsuBench.Engine.Metrics;

/// <summary>One tracked message and its new occurrences in each sample's interval.</summary>
public sealed record ErrorTrack(ErrorKind Kind, string Message, IReadOnlyList<long> Counts);
