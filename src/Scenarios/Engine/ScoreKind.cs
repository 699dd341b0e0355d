namespace IsuBench.Scenarios.Engine;

/// <summary>What earned points: a successful GET (1), a successful POST (20), a stroke delivered in time over SSE (1).</summary>
public enum ScoreKind
{
    /// <summary>A successful GET: 1 point.</summary>
    Get,

    /// <summary>A successful POST: 20 points.</summary>
    Post,

    /// <summary>A stroke a watcher received within the delivery limit: 1 point.</summary>
    StreamStroke,
}
