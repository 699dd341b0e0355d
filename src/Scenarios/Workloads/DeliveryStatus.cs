namespace IsuBench.Scenarios.Workloads;

/// <summary>What a received stroke of this instance's own posts is worth (not a <c>Verdict</c>: the rules behind it give those).</summary>
public enum DeliveryStatus
{
    /// <summary>Arrived within the score window of its POST being sent, with the posted number of points: 1 point.</summary>
    Scored,

    /// <summary>Arrived after the score window: no point, no error (lateness is the 5 s leave rule's concern).</summary>
    Late,

    /// <summary>Arrived with a number of points other than posted: an error, no point.</summary>
    PointMismatch,

    /// <summary>The same watcher already received this stroke: counted once only.</summary>
    Duplicate,
}
