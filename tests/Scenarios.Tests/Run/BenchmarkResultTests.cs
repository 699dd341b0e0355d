using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Engine.Execution;
using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;
using IsuBench.Scenarios.InitialCheck;
using IsuBench.Scenarios.Judging;
using IsuBench.Scenarios.Run;
using IsuBench.Scenarios.Workloads;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Tests.Scenarios.Run;

public sealed class BenchmarkResultTests
{
    private static readonly BenchmarkOptions Options = new() { Targets = [new Uri("http://127.0.0.1:1")] };
    private static readonly Rule Critical = new("x.critical", "critical rule", Critical: true);
    private static readonly Rule Ordinary = new("x.ordinary", "ordinary rule", Critical: false);

    private static BenchmarkResult Collect(RunMetrics metrics, IReadOnlyList<CheckOutcome> checks, bool interrupted = false) =>
        BenchmarkResult.Collect(Options, metrics, new InitialCheckResult(checks), Load, [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, interrupted);

    private static readonly LoadPhaseResult Load = new(
        new LoadRunResult(new Dictionary<string, long>(), new Dictionary<string, long>(), 0, TimeSpan.Zero), new MatsuriSummary(0, 0, 0, 0, 0, 0, 0, 0, 0));

    [Fact]
    public void A_clean_run_passes_and_its_score_is_the_sum_of_its_kinds()
    {
        var metrics = new RunMetrics(new FakeClock(), ScoreKinds.Scale);
        metrics.Score.Add(ScoreKind.Get, 3);
        metrics.Score.Add(ScoreKind.Post, 2);
        metrics.Score.Add(ScoreKind.StreamStroke);
        metrics.Errors.Add("slow (GET /)");
        var result = Collect(metrics, [new CheckOutcome("a", [Critical.Pass("GET /"), Ordinary.Fail("GET /", "x", "y")], TimeSpan.Zero)]);
        Assert.True(result.Pass);
        Assert.True(result.InitialCheckPassed);
        Assert.Equal(3 + 40 + 1, result.Score);
        Assert.Equal(["slow (GET /)"], result.Messages);
    }

    [Fact]
    public void A_critical_error_under_load_fails_the_run_though_the_initial_check_passed()
    {
        var metrics = new RunMetrics(new FakeClock(), ScoreKinds.Scale);
        metrics.Errors.AddCritical("b broke");
        metrics.Errors.Add("a slow");
        metrics.Errors.Add("a slow");
        var result = Collect(metrics, [new CheckOutcome("a", [Critical.Pass("GET /")], TimeSpan.Zero)]);
        Assert.False(result.Pass);
        Assert.True(result.InitialCheckPassed);
        // De-duplicated and sorted, as the original.
        Assert.Equal(["a slow", "b broke"], result.Messages);
    }

    [Fact]
    public void A_critical_verdict_or_with_strict_a_skipped_check_fails_the_initial_check_and_the_run()
    {
        var metrics = new RunMetrics(new FakeClock(), ScoreKinds.Scale);
        Assert.False(Collect(metrics, [new CheckOutcome("a", [Critical.Fail("GET /", "x", "y")], TimeSpan.Zero)]).Pass);
        var stopped = CompletionRules.Stopped("a", "(not run)", "the target stopped answering");
        var skipped = Collect(metrics, [new CheckOutcome("a", [stopped.Weighed(strict: true)], TimeSpan.Zero, Skipped: true)]);
        Assert.False(skipped.Pass);
        Assert.False(skipped.InitialCheckPassed);
        Assert.True(Collect(metrics, [new CheckOutcome("a", [stopped.Weighed(strict: false)], TimeSpan.Zero, Skipped: true)]).InitialCheckPassed);
    }

    [Fact]
    public void Warnings_are_listed_as_errors_but_not_among_the_original_messages()
    {
        var metrics = new RunMetrics(new FakeClock(), ScoreKinds.Scale);
        metrics.Errors.Add(ErrorKind.Warning, "an addition failed");
        metrics.Errors.Add("an ordinary error");
        var result = Collect(metrics, []);
        Assert.Equal(["an ordinary error"], result.Messages);
        Assert.Contains(result.Errors, e => e.Kind == ErrorKind.Warning && e.Message == "an addition failed");
    }

    [Fact]
    public void An_interrupted_run_does_not_pass()
    {
        var result = Collect(new RunMetrics(new FakeClock(), ScoreKinds.Scale), [], interrupted: true);
        Assert.False(result.Pass);
        Assert.True(result.Interrupted);
        Assert.False(result.InitialCheckPassed); // no check had finished
    }
}
