using IsuBench.Engine.Execution;
using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;
using IsuBench.Scenarios.Judging;

namespace IsuBench.Tests.Scenarios.Infrastructure;

/// <summary>Builds sessions for tests against one origin.</summary>
public static class TestRuns
{
    /// <summary>A session factory on <paramref name="origin"/> with fresh metrics.</summary>
    public static SessionFactory Sessions(Uri origin, IClock? clock = null, SessionOptions? options = null, RequestLog? log = null) =>
        new(new Targets([origin]), options ?? new SessionOptions(), new RunMetrics(clock ?? SystemClock.Instance, ScoreKinds.Scale, log));
}
