namespace IsuBench.Engine.Metrics;

/// <summary>Hears of every judged request and every other scored event as it happens (tests recompute a run's score with one).</summary>
public interface IRunObserver
{
    /// <summary>A request got its verdict: <paramref name="scored"/> is the kind of the run's <see cref="ScoreScale"/> it scored as, or null.</summary>
    void RequestJudged(string endpoint, string method, int status, TimeSpan latency, int? scored);

    /// <summary>An event that is no request (a stroke that reached a watcher in time) scored as <paramref name="kind"/>.</summary>
    void EventScored(int kind);
}
