namespace IsuBench.Scenarios.Engine.Metrics;

/// <summary>Thread-safe counts of scoring events by kind, worth what <see cref="ScoringRules"/> says; the run's score is their sum.</summary>
public sealed class ScoreLedger
{
    private readonly long[] _counts = new long[Enum.GetValues<ScoreKind>().Length];

    /// <summary>Adds one or more scoring events of a kind.</summary>
    public void Add(ScoreKind kind, long count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Interlocked.Add(ref _counts[(int)kind], count);
        BenchInstruments.Score(kind, count * ScoringRules.PointsFor(kind));
    }

    /// <summary>How many events of a kind were counted.</summary>
    public long CountOf(ScoreKind kind) => Interlocked.Read(ref _counts[(int)kind]);

    /// <summary>Points earned by one kind.</summary>
    public long PointsOf(ScoreKind kind) => CountOf(kind) * ScoringRules.PointsFor(kind);

    /// <summary>The total score.</summary>
    public long Total => Enum.GetValues<ScoreKind>().Sum(PointsOf);

    /// <summary>Counts and points of every kind.</summary>
    public IReadOnlyDictionary<ScoreKind, (long Count, long Points)> Snapshot() =>
        Enum.GetValues<ScoreKind>().ToDictionary(kind => kind, kind => (CountOf(kind), PointsOf(kind)));
}
