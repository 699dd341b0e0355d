using IsuBench.Engine.Execution;
using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;
using IsuBench.Scenarios.InitialCheck;
using IsuBench.Scenarios.Judging;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Integration.InitialCheck;

/// <summary>Runs the initial check against a target the way the bench does: fresh metrics, per-session pools, the default timeouts.</summary>
public static class InitialCheckHarness
{
    /// <summary>The result and the metrics the run recorded into.</summary>
    public sealed record Run(InitialCheckResult Result, RunMetrics Metrics);

    /// <summary>Runs the checks selected by <paramref name="options"/> against <paramref name="target"/>.</summary>
    public static async Task<Run> RunAsync(Uri target, InitialCheckOptions? options = null, CancellationToken cancellationToken = default)
    {
        var metrics = new RunMetrics(SystemClock.Instance, ScoreKinds.Scale, new RequestLog());
        using var sessions = new SessionFactory(new Targets([target]), new SessionOptions { Transport = TransportMode.PerSession }, metrics);
        var result = await InitialCheckRunner.RunAsync(options ?? new InitialCheckOptions { Seed = 42 }, sessions, cancellationToken);
        return new Run(result, metrics);
    }

    /// <summary>Every failed verdict, one line each, for assertion messages.</summary>
    public static string Failures(InitialCheckResult result) =>
        string.Join("\n", result.Checks.SelectMany(c => c.Skipped ? [$"SKIPPED {c.Name}"] : c.Verdicts.Where(v => !v.Passed).Select(v => $"{c.Name}: {v}")));
}
