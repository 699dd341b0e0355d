using IsuBench.Checks.Rules;

namespace IsuBench.Tests.Scenarios.Infrastructure;

/// <summary>One request as the request log saw it: endpoint, status (0 without response), latency, and the points it earned.</summary>
public sealed record RequestRecord(string Endpoint, string Method, int Status, TimeSpan Latency, ScoreKind? Scored);
