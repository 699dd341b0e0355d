namespace IsuBench.Scenarios.Engine.Metrics;

/// <summary>Hears of every judged request and every scored stream stroke as it happens (tests recompute a run's score with one).</summary>
public interface IRunObserver
{
    /// <summary>A request got its verdict: <paramref name="scored"/> is the kind it scored as, or null.</summary>
    void RequestJudged(string endpoint, string method, int status, TimeSpan latency, ScoreKind? scored);

    /// <summary>A stroke reached a watcher in time and scored.</summary>
    void StreamStrokeScored();
}
