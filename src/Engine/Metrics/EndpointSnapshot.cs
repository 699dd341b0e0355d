namespace IsuBench.Engine.Metrics;

/// <summary>One endpoint's numbers at a moment: requests, errors (timeouts included), timeouts and latency.</summary>
public sealed record EndpointSnapshot(string Endpoint, long Requests, long Errors, long Timeouts, LatencySnapshot Latency);
