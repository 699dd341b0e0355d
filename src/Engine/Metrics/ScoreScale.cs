namespace IsuBench.Engine.Metrics;

/// <summary>
/// The kinds of scoring event a run counts, in order, and what one of each is worth. The engine only counts: the scoring rules
/// decide the kinds and their points (the judging layer builds the run's scale from them).
/// </summary>
public sealed class ScoreScale
{
    private readonly string[] _names;
    private readonly long[] _points;

    /// <summary>A scale of <paramref name="kinds"/>, each a name (snake_case, as metrics and result files show it) and its points.</summary>
    public ScoreScale(IReadOnlyList<(string Name, long Points)> kinds)
    {
        ArgumentOutOfRangeException.ThrowIfZero(kinds.Count);
        _names = kinds.Select(kind => kind.Name).ToArray();
        _points = kinds.Select(kind => kind.Points).ToArray();
    }

    /// <summary>How many kinds there are; a kind is its index, 0 to <c>Count - 1</c>.</summary>
    public int Count => _names.Length;

    /// <summary>The name of kind <paramref name="kind"/>.</summary>
    public string NameOf(int kind) => _names[kind];

    /// <summary>What one event of kind <paramref name="kind"/> is worth.</summary>
    public long PointsOf(int kind) => _points[kind];
}
