using System.Collections.Concurrent;

namespace IsuBench.Scenarios.Engine;

/// <summary>
/// An optional log of every request and every stream point, so a test can recompute the score from
/// what actually happened. Not meant for long runs (it grows with the number of requests).
/// </summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RequestRecord> _requests = new();
    private long _streamStrokes;

    /// <summary>Appends one finished request.</summary>
    public void Add(RequestRecord record) => _requests.Enqueue(record);

    /// <summary>Counts one stream stroke that scored.</summary>
    public void AddStreamStroke() => Interlocked.Increment(ref _streamStrokes);

    /// <summary>Every request logged so far, in completion order.</summary>
    public IReadOnlyList<RequestRecord> Requests => _requests.ToArray();

    /// <summary>Stream strokes that scored.</summary>
    public long StreamStrokes => Interlocked.Read(ref _streamStrokes);

    /// <summary>The score these records are worth.</summary>
    public long RecomputeScore() =>
        _requests.Where(r => r.Scored is not null).Sum(r => ScoreLedger.PointsFor(r.Scored!.Value))
        + StreamStrokes * ScoreLedger.PointsFor(ScoreKind.StreamStroke);
}
