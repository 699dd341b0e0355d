namespace IsuBench.Engine.Metrics;

/// <summary>Thread-safe counts of scoring events by kind, each worth what the run's <see cref="ScoreScale"/> says; the run's score is their sum.</summary>
public sealed class ScoreLedger(ScoreScale scale)
{
    private readonly long[] _counts = new long[scale.Count];

    /// <summary>The kinds counted and their worth.</summary>
    public ScoreScale Scale => scale;

    /// <summary>Adds one or more scoring events of kind <paramref name="kind"/> (an index of the scale).</summary>
    public void Add(int kind, long count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Interlocked.Add(ref _counts[kind], count);
        BenchInstruments.Score(scale.NameOf(kind), count * scale.PointsOf(kind));
    }

    /// <summary>How many events of a kind were counted.</summary>
    public long CountOf(int kind) => Interlocked.Read(ref _counts[kind]);

    /// <summary>Points earned by one kind.</summary>
    public long PointsOf(int kind) => CountOf(kind) * scale.PointsOf(kind);

    /// <summary>The total score.</summary>
    public long Total => Enumerable.Range(0, scale.Count).Sum(PointsOf);
}
