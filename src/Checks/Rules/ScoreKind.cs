namespace IsuBench.Checks.Rules;

/// <summary>What earns points (<see cref="ScoringRules"/>): a passing GET, a passing POST, a stroke delivered in time over SSE.</summary>
public enum ScoreKind
{
    /// <summary>A successful GET: 1 point.</summary>
    Get,

    /// <summary>A successful POST: 20 points.</summary>
    Post,

    /// <summary>A stroke a watcher received within the delivery window: 1 point.</summary>
    StreamStroke,
}
