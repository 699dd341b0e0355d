using System.Collections.Concurrent;
using IsuBench.Checks.Rules;
using IsuBench.Engine.Metrics;

namespace IsuBench.Tests.Scenarios.Infrastructure;

/// <summary>
/// A log of every judged request and every scored stream stroke, so a test can recompute the score from what actually happened.
/// Not meant for long runs (it grows with the number of requests).
/// </summary>
public sealed class RequestLog : IRunObserver
{
    private readonly ConcurrentQueue<RequestRecord> _requests = new();
    private long _streamStrokes;

    /// <inheritdoc />
    public void RequestJudged(string endpoint, string method, int status, TimeSpan latency, int? scored) =>
        _requests.Enqueue(new RequestRecord(endpoint, method, status, latency, (ScoreKind?)scored));

    /// <inheritdoc />
    public void EventScored(int kind)
    {
        Assert.Equal(ScoreKind.StreamStroke, (ScoreKind)kind);
        Interlocked.Increment(ref _streamStrokes);
    }

    /// <summary>Every request logged so far, in completion order.</summary>
    public IReadOnlyList<RequestRecord> Requests => _requests.ToArray();

    /// <summary>Stream strokes that scored.</summary>
    public long StreamStrokes => Interlocked.Read(ref _streamStrokes);

    /// <summary>The score these records are worth.</summary>
    public long RecomputeScore() =>
        _requests.Where(r => r.Scored is not null).Sum(r => ScoringRules.PointsFor(r.Scored!.Value))
        + StreamStrokes * ScoringRules.PointsFor(ScoreKind.StreamStroke);
}
