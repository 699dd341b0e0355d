using IsuBench.Scenarios.Engine.Execution;
using IsuBench.Scenarios.Engine.Http;
using IsuBench.Scenarios.Engine.Metrics;

namespace IsuBench.Tests.Scenarios.Infrastructure;

/// <summary>Builds sessions for tests against one origin.</summary>
public static class TestRuns
{
    /// <summary>A session factory on <paramref name="origin"/> with fresh metrics.</summary>
    public static SessionFactory Sessions(Uri origin, IClock? clock = null, SessionOptions? options = null, RequestLog? log = null) =>
        new(new Targets([origin]), options ?? new SessionOptions(), new RunMetrics(clock ?? SystemClock.Instance, log));
}
