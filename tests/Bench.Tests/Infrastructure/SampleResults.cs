using IsuBench.Bench.Reports;
using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;
using IsuBench.Engine.Execution;
using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;
using IsuBench.Scenarios.InitialCheck;
using IsuBench.Scenarios.Judging;
using IsuBench.Scenarios.Run;
using IsuBench.Scenarios.Workloads;

namespace IsuBench.Tests.Bench.Infrastructure;

/// <summary>Results of made-up runs, recorded through the real metrics types (no report reads anything else).</summary>
public static class SampleResults
{
    /// <summary>An error message with characters that Markdown, HTML and XML must escape.</summary>
    public const string AwkwardMessage = "GET /img/{id}: body | had </script><b>\"tags\"</b> & more";

    private static readonly Rule TokenRule = new("tokens.refreshed", "the CSRF token is not refreshed", Critical: true);
    private static readonly Rule SvgRule = new("svg.stroke-present", "the SVG lacks the stroke", Critical: true);

    /// <summary>A passing run: 5 samples, three endpoints, deliveries, one ordinary error (twice).</summary>
    public static BenchmarkResult Passing() => Build(critical: false);

    /// <summary>A run whose initial check failed critically (the stroke-reflection check) and skipped the static files.</summary>
    public static BenchmarkResult FailingInitialCheck() => Build(critical: true);

    /// <summary>The document of <see cref="Passing"/>.</summary>
    public static ResultDocument PassingDocument() => ResultDocument.From(Passing(), "20260102-030405", "9.9.9-test");

    /// <summary>The document of <see cref="FailingInitialCheck"/>.</summary>
    public static ResultDocument FailingDocument() => ResultDocument.From(FailingInitialCheck(), "20260102-030405", "9.9.9-test");

    private static BenchmarkResult Build(bool critical)
    {
        var clock = new ManualClock();
        var metrics = new RunMetrics(clock, ScoreKinds.Scale);
        var series = new TimeSeries(metrics);
        var started = clock.UtcNow;
        for (int second = 1; second <= 5; second++)
        {
            for (int i = 0; i < second * 10; i++)
                metrics.Endpoints.RecordRequest("GET /", 200, TimeSpan.FromMilliseconds(10 + i));
            metrics.Endpoints.RecordRequest("POST /api/strokes/rooms/{id}", 200, TimeSpan.FromMilliseconds(40 * second));
            metrics.Endpoints.RecordRequest("GET /img/{id}", 200, TimeSpan.FromMilliseconds(5));
            metrics.Score.Add(ScoreKind.Get, second * 10 + 1);
            metrics.Score.Add(ScoreKind.Post);
            metrics.Delivery.Record(TimeSpan.FromMilliseconds(30 * second));
            metrics.Score.Add(ScoreKind.StreamStroke);
            metrics.Watchers.Increment();
            if (second >= 4) metrics.Errors.Add(AwkwardMessage);
            clock.Advance(TimeSpan.FromSeconds(1));
            series.Sample();
        }
        metrics.Endpoints.RecordTimeout("GET /img/{id}");
        metrics.Delivery.Record(TimeSpan.FromSeconds(3));

        var checks = new List<CheckOutcome>
        {
            new(InitialCheckNames.TokenRefresh, [TokenRule.Pass("GET /"), TokenRule.Pass("GET /")], TimeSpan.FromMilliseconds(120)),
        };
        if (critical)
        {
            var failed = SvgRule.Fail("GET /img/1001", "a polyline with id 7", "no polyline with id 7");
            metrics.Errors.AddCritical($"{failed.Message} ({failed.Evidence.Request})");
            checks.Add(new(InitialCheckNames.StrokeReflection, [SvgRule.Pass("GET /img/1001"), failed], TimeSpan.FromSeconds(2)));
            checks.Add(new(InitialCheckNames.StaticFiles, [], TimeSpan.Zero, Skipped: true));
        }
        else
        {
            checks.Add(new(InitialCheckNames.StrokeReflection, [SvgRule.Pass("GET /img/1001")], TimeSpan.FromSeconds(2)));
        }
        var options = new BenchmarkOptions { Targets = [new Uri("http://127.0.0.1:8080")], Duration = TimeSpan.FromSeconds(60), Seed = 7 };
        return BenchmarkResult.Collect(options, metrics, new InitialCheckResult(checks), critical ? null : SampleLoad, series.Points, started, clock.UtcNow) with { ErrorsOverTime = series.ErrorsOverTime };
    }

    /// <summary>The message that rises when <see cref="Collapsing"/> collapses.</summary>
    public const string CollapseMessage = "GET /rooms/{id}: request timed out after 5 s";

    /// <summary>The message that follows it, two seconds later.</summary>
    public const string FollowingMessage = "The response has an unexpected status code [POST /api/strokes/rooms/{id}]: status 500";

    /// <summary>
    /// A run of 20 one-second samples that collapses: the score grows until 12 s and then stays flat, the watchers fall to none by
    /// 16 s; <see cref="CollapseMessage"/> is seen twice early (3 s, 5 s) and rises from 12 s, <see cref="FollowingMessage"/> from 14 s,
    /// and 30 distinct one-off messages beyond the ledger's tracking come at 18 s.
    /// </summary>
    public static ResultDocument CollapsingDocument()
    {
        var clock = new ManualClock();
        var metrics = new RunMetrics(clock, ScoreKinds.Scale);
        var series = new TimeSeries(metrics);
        var started = clock.UtcNow;
        for (int second = 1; second <= 20; second++)
        {
            if (second < 12)
            {
                metrics.Score.Add(ScoreKind.Get, 10);
                metrics.Watchers.Increment();
            }
            else if (second <= 16 && metrics.Watchers.Value > 0)
            {
                for (int i = 0; i < 3 && metrics.Watchers.Value > 0; i++) metrics.Watchers.Decrement();
            }
            if (second is 3 or 5) metrics.Errors.Add(CollapseMessage);
            if (second >= 12)
                for (int i = 0; i < 10 * (second - 11); i++) metrics.Errors.Add(CollapseMessage);
            if (second >= 14)
                for (int i = 0; i < 5; i++) metrics.Errors.Add(FollowingMessage);
            if (second == 18)
                for (int i = 0; i < ErrorLedger.DefaultMaxTracked + 10; i++) metrics.Errors.Add($"one-off {i}");
            clock.Advance(TimeSpan.FromSeconds(1));
            series.Sample();
        }
        var options = new BenchmarkOptions { Targets = [new Uri("http://127.0.0.1:8080")], Duration = TimeSpan.FromSeconds(15), Seed = 7 };
        var checks = new List<CheckOutcome> { new(InitialCheckNames.TokenRefresh, [TokenRule.Pass("GET /")], TimeSpan.FromMilliseconds(120)) };
        var result = BenchmarkResult.Collect(options, metrics, new InitialCheckResult(checks), SampleLoad, series.Points, started, clock.UtcNow) with { ErrorsOverTime = series.ErrorsOverTime };
        return ResultDocument.From(result, "20260102-030405", "9.9.9-test");
    }

    // A load phase that ran: how its workers fared and what Matsuri did.
    private static readonly LoadPhaseResult SampleLoad = new(
        new LoadRunResult(new Dictionary<string, long> { ["Matsuri"] = 10, ["LoadIndexPage"] = 120 }, new Dictionary<string, long> { ["Matsuri"] = 0, ["LoadIndexPage"] = 3 }, 0, TimeSpan.FromSeconds(60)),
        new MatsuriSummary(10, 240, 1280, 31, 0, 9000, 420, 0, 1200));
}
