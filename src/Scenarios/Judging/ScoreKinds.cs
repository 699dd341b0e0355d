using IsuBench.Checks.Rules;
using IsuBench.Engine.Metrics;

namespace IsuBench.Scenarios.Judging;

/// <summary>
/// The ISUCON6-final score kinds on the engine's ledger: the run's <see cref="ScoreScale"/>, made from <see cref="ScoringRules"/>
/// (a kind's index on the scale is its <see cref="ScoreKind"/> value), and the ledger read and written by kind.
/// </summary>
public static class ScoreKinds
{
    /// <summary>Every <see cref="ScoreKind"/> with its name in result files and metrics, worth what the scoring rules say.</summary>
    public static ScoreScale Scale { get; } = new(Enum.GetValues<ScoreKind>().Select(kind => (NameOf(kind), (long)ScoringRules.PointsFor(kind))).ToList());

    /// <summary>The name of <paramref name="kind"/> in result files and metrics (<c>get</c>, <c>post</c>, <c>stream_stroke</c>).</summary>
    public static string NameOf(ScoreKind kind) => kind switch
    {
        ScoreKind.Get => "get",
        ScoreKind.Post => "post",
        ScoreKind.StreamStroke => "stream_stroke",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Counts one or more events of <paramref name="kind"/>.</summary>
    public static void Add(this ScoreLedger ledger, ScoreKind kind, long count = 1) => ledger.Add((int)kind, count);

    /// <summary>How many events of <paramref name="kind"/> were counted.</summary>
    public static long CountOf(this ScoreLedger ledger, ScoreKind kind) => ledger.CountOf((int)kind);

    /// <summary>Points earned by <paramref name="kind"/>.</summary>
    public static long PointsOf(this ScoreLedger ledger, ScoreKind kind) => ledger.PointsOf((int)kind);

    /// <summary>Counts and points of every kind.</summary>
    public static IReadOnlyDictionary<ScoreKind, (long Count, long Points)> Snapshot(this ScoreLedger ledger) =>
        Enum.GetValues<ScoreKind>().ToDictionary(kind => kind, kind => (ledger.CountOf(kind), ledger.PointsOf(kind)));
}
