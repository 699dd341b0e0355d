using IsuBench.Bench.Compare;
using IsuBench.Bench.Figures;
using static IsuBench.Tests.Bench.Compare.RepeatedRunSamples;
using static IsuBench.Tests.Bench.Infrastructure.ComparisonSamples;

namespace IsuBench.Tests.Bench.Compare;

public sealed class RunComparisonTests
{
    private const string Root = "GET /";
    private const string Image = "GET /img/{id}";
    private const string Stream = "GET /api/stream/rooms/{id}";

    // The reference side: three runs whose get points are 900, 1000 and 1100; the other side: one run, half the latency, a new endpoint.
    private static RunComparison Sample()
    {
        var reference = Side("before",
            Run("b1", get: 900, endpoints: [Endpoint(Root, 100, 2, 10, 50), Endpoint(Image, 400, 0, 4, 30)],
                errors: [Error("both", 1), Error("only before", 3)], delivery: Delivery(fast: 10, onTime: 30, late: 60)),
            Run("b2", get: 1100, endpoints: [Endpoint(Root, 120, 4, 12, 70), Endpoint(Image, 500, 0, 6, 50)],
                errors: [Error("both", 2)], delivery: Delivery(fast: 10, onTime: 30, late: 60)),
            Run("b3", get: 1000, endpoints: [Endpoint(Root, 110, 0, 14, 60), Endpoint(Image, 450, 0, 5, 40)],
                errors: [], delivery: Delivery(fast: 10, onTime: 30, late: 60)));
        var after = Side("after",
            Run("a1", get: 1500, post: 100, endpoints: [Endpoint(Root, 220, 0, 6, 30), Endpoint(Image, 450, 0, 5, 40), Endpoint(Stream, 50, 5, 100, 900)],
                errors: [Error("both", 5), Error("only after", 7, "bench_capacity")], delivery: Delivery(fast: 50, onTime: 30, late: 20)));
        return RunComparison.Of([reference, after]);
    }

    [Fact]
    public void Score_by_kind_gives_each_side_its_median_range_and_variation_and_the_change_of_the_median()
    {
        var comparison = Sample();
        Assert.Equal(["get", "post", "stream_stroke", RunComparison.TotalScore], comparison.Scores.Select(s => s.Name));
        var get = comparison.Scores[0];
        var reference = get.Sides[0].Spread!;
        Assert.Equal((1000, 900, 1100, 3), (reference.Median, reference.Min, reference.Max, reference.Runs));
        Assert.Equal(0.1, reference.CoefficientOfVariation!.Value, 12);
        Assert.Null(get.Sides[0].Change);
        Assert.Equal(50, get.Sides[1].Change!.Value, 9);
        Assert.Null(get.Sides[1].Spread!.CoefficientOfVariation);

        var total = comparison.Scores.Single(s => s.Name == RunComparison.TotalScore);
        Assert.Equal(1110, total.Sides[0].Spread!.Median); // 1000 + 100 post + 10 stream
        Assert.Equal(1610, total.Sides[1].Spread!.Median);
        Assert.True(comparison.SeveralRuns);
    }

    [Fact]
    public void A_side_of_one_run_repeat_result_has_the_median_range_and_variation_of_its_runs_and_the_details_of_its_median_run()
    {
        var repeat = Summary("baseline-isucon",
        [
            Run("x", get: 900, endpoints: [Endpoint(Root, 100, 0, 10, 50)]),
            Run("x", get: 1100, endpoints: [Endpoint(Root, 100, 0, 30, 90)]),
            Run("x", get: 1000, endpoints: [Endpoint(Root, 100, 0, 20, 70)]),
        ]);
        var comparison = RunComparison.Of([Side("before", repeat), Side("after", Run("a1", get: 1500, endpoints: [Endpoint(Root, 100, 0, 10, 50)]))]);

        Assert.True(comparison.SeveralRuns);
        Assert.Equal([3, 1], comparison.Sides.Select(s => s.Runs.Count));
        var get = comparison.Scores[0].Sides[0].Spread!;
        Assert.Equal((1000, 900, 1100, 3), (get.Median, get.Min, get.Max, get.Runs));
        Assert.Equal(0.1, get.CoefficientOfVariation!.Value, 12);
        Assert.Equal(ChangeDirection.Better, comparison.Scores[0].Direction(1));
        // Endpoints are in the summary only as its median run's (run-3, 1000 points).
        var root = comparison.Endpoints.Single(e => e.Endpoint == Root).P50Ms.Sides[0].Spread!;
        Assert.Equal((20, 1), (root.Median, root.Runs));
        Assert.Contains(comparison.Notes, n => n.StartsWith("before: endpoints, SSE delivery and errors of baseline-isucon are those of its median run (run-3)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_headline_is_the_score_and_the_gated_figures_over_every_run_with_each_sides_ratio_to_the_first()
    {
        var before = Summary("before",
        [
            WithGateFigures(Run("x", get: 900), ("GET / p50 ms", 10, true), ("GET / p99 ms", 50, false), ("share on time", 0.9, true)),
            WithGateFigures(Run("x", get: 1100), ("GET / p50 ms", 12, true), ("GET / p99 ms", 70, false), ("share on time", 0.8, true)),
            WithGateFigures(Run("x", get: 1000), ("GET / p50 ms", 11, true), ("GET / p99 ms", 60, false), ("share on time", 0.85, true)),
        ]);
        var after = WithGateFigures(Run("a", get: 1390), ("GET / p50 ms", 5.5, true), ("GET / p99 ms", 30, false), ("share on time", 0.86, true));
        var plain = Run("p", get: 400); // no gate figures: the score only

        var comparison = RunComparison.Of([Side("before", before), Side("after", after), Side("plain", plain)]);

        // The p99 is reported but not gated, so it is not a headline figure.
        Assert.Equal(["score", "GET / p50 ms", "share on time"], comparison.Headline.Select(f => f.Name));
        var (score, p50, share) = (comparison.Headline[0], comparison.Headline[1], comparison.Headline[2]);
        Assert.Equal(3, score.Sides[0].Spread!.Runs);
        Assert.Equal(1500.0 / 1110, score.Ratio(1)!.Value, 12); // medians: 1390 + 110 over 1000 + 110
        Assert.Equal("1.35× better", FigureText.Ratio(score, 1));
        Assert.Equal("0.46× worse", FigureText.Ratio(score, 2)); // 510 / 1110
        Assert.Equal(0.5, p50.Ratio(1)!.Value, 12);
        Assert.Equal("0.50× better", FigureText.Ratio(p50, 1)); // lower latency
        Assert.Equal("1.01× better, within the runs' range", FigureText.Ratio(share, 1)); // 0.86 inside 0.8–0.9
        Assert.Equal(FigureText.Missing, FigureText.Ratio(p50, 2));
        Assert.Equal("", FigureText.Ratio(score, 0));
    }

    [Fact]
    public void A_headline_ratio_says_unchanged_for_equal_medians_shows_a_small_change_to_three_decimals_and_is_undefined_against_nothing()
    {
        var comparison = RunComparison.Of([Side("a", Run("a", get: 1000)), Side("b", Run("b", get: 1003)), Side("c", Run("c", get: 1000))]);
        Assert.Equal("1.003× better", FigureText.Ratio(comparison.Headline[0], 1)); // 1113 / 1110
        Assert.Equal("1.00× unchanged", FigureText.Ratio(comparison.Headline[0], 2));

        var onlyLater = RunComparison.Of([Side("a", Run("a", get: 1000)), Side("b", WithGateFigures(Run("b", get: 1000), ("GET / p50 ms", 3, true)))]);
        Assert.Equal("n/a", FigureText.Ratio(onlyLater.Headline.Single(f => f.Name == "GET / p50 ms"), 1));
    }

    [Fact]
    public void A_change_beyond_the_runs_range_is_judged_by_its_direction_and_one_within_it_is_neutral()
    {
        var comparison = Sample();
        Assert.Equal(ChangeDirection.Better, comparison.Scores[0].Direction(1)); // 1500 above 900–1100
        Assert.Equal(ChangeDirection.Neutral, comparison.Scores[0].Direction(0));
        var root = comparison.Endpoints.Single(e => e.Endpoint == Root);
        Assert.Equal(ChangeDirection.Better, root.P50Ms.Direction(1)); // 6 ms below 10–14 ms: lower latency is better
        var image = comparison.Endpoints.Single(e => e.Endpoint == Image);
        Assert.Equal(ChangeDirection.Neutral, image.P50Ms.Direction(1)); // 5 ms inside 4–6 ms

        var worse = RunComparison.Of([Side("a", Run("a", get: 1000)), Side("b", Run("b", get: 400))]);
        Assert.Equal(ChangeDirection.Worse, worse.Scores[0].Direction(1));
        Assert.Equal(-60, worse.Scores[0].Sides[1].Change!.Value, 9);
    }

    [Fact]
    public void Endpoints_take_medians_over_runs_and_an_endpoint_one_side_never_called_has_no_latency_there()
    {
        var comparison = Sample();
        Assert.Equal([Root, Stream, Image], comparison.Endpoints.Select(e => e.Endpoint));
        var root = comparison.Endpoints.Single(e => e.Endpoint == Root);
        Assert.Equal(110, root.Requests.Sides[0].Spread!.Median);
        Assert.Equal(100, root.Requests.Sides[1].Change!.Value, 9); // 110 → 220
        Assert.Equal(2, root.Errors.Sides[0].Spread!.Median);
        Assert.Equal(-100, root.Errors.Sides[1].Change!.Value, 9);
        Assert.Equal(12, root.P50Ms.Sides[0].Spread!.Median);
        Assert.Equal(-50, root.P50Ms.Sides[1].Change!.Value, 9);
        Assert.Equal(60, root.P99Ms.Sides[0].Spread!.Median);
        Assert.Equal(-50, root.P99Ms.Sides[1].Change!.Value, 9);

        var stream = comparison.Endpoints.Single(e => e.Endpoint == Stream);
        Assert.Equal(0, stream.Requests.Sides[0].Spread!.Median);
        Assert.Null(stream.Requests.Sides[1].Change); // from zero: no finite change
        Assert.Null(stream.P50Ms.Sides[0].Spread);
        Assert.Null(stream.P50Ms.Sides[1].Change);
        Assert.Equal(100, stream.P50Ms.Sides[1].Spread!.Median);
    }

    [Fact]
    public void Delivery_compares_the_on_time_share_in_percentage_points_and_the_histogram_as_shares()
    {
        var delivery = Sample().Delivery;
        var onTime = delivery.Figures.Single(f => f.Name == DeliveryComparison.OnTimeName);
        Assert.True(onTime.Share);
        Assert.Equal(40, onTime.Sides[0].Spread!.Median, 9); // (10 + 30) of 100 within 2 s
        Assert.Equal(80, onTime.Sides[1].Spread!.Median, 9);
        Assert.Equal(40, onTime.Sides[1].Change!.Value, 9);
        var count = delivery.Figures.Single(f => f.Name == "deliveries");
        Assert.Equal(0, count.Sides[1].Change!.Value, 9);

        Assert.Equal(["≤ 50 ms", "≤ 2000 ms", "> 2000 ms"], delivery.Buckets.Select(b => b.Name));
        Assert.Equal([10.0, 50.0], delivery.Buckets[0].Sides.Select(s => s.Spread!.Median));
        Assert.Equal(-40, delivery.Buckets[2].Sides[1].Change!.Value, 9); // 60 % late → 20 %
    }

    [Fact]
    public void Errors_on_one_side_only_are_told_apart_from_shared_ones_with_counts_summed_over_runs()
    {
        var comparison = Sample();
        var oneSided = comparison.OneSidedErrors.ToList();
        Assert.Equal(["only after", "only before"], oneSided.Select(e => e.Message));
        var onlyBefore = oneSided.Single(e => e.Message == "only before");
        Assert.Equal(new ErrorTally(3, 1), onlyBefore.Sides[0]);
        Assert.Null(onlyBefore.Sides[1]);
        var onlyAfter = oneSided.Single(e => e.Message == "only after");
        Assert.Equal("bench_capacity", onlyAfter.Kind);
        Assert.Equal([null, new ErrorTally(7, 1)], onlyAfter.Sides);

        var both = comparison.Errors.Single(e => e.Message == "both");
        Assert.False(both.OneSided);
        Assert.Equal([new ErrorTally(3, 2), new ErrorTally(5, 1)], both.Sides);
    }

    [Fact]
    public void Notes_name_failed_runs_and_settings_that_differ()
    {
        var failed = Run("x", get: 10) with { Pass = false, Options = Run("x", get: 10).Options with { DurationSeconds = 30 } };
        var comparison = RunComparison.Of([Side("a", Run("a", get: 10)), Side("b", failed)]);
        Assert.Contains("b: its run failed.", comparison.Notes);
        Assert.Contains("The runs differ in load duration: 60 s, 30 s.", comparison.Notes);
        Assert.Empty(Sample().Notes);
    }

    [Fact]
    public void Fewer_than_two_sides_are_no_comparison()
    {
        Assert.Throws<ArgumentException>(() => RunComparison.Of([Side("a", Run("a", get: 1))]));
    }
}
