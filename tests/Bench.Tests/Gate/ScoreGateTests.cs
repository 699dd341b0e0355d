using IsuBench.Bench.Gate;

namespace IsuBench.Tests.Bench.Gate;

public sealed class ScoreGateTests
{
    private static ScoreRecord Run(long score, bool pass = true, params string[] messages) => new(pass, score, messages);

    // What a comparison of one number with another adds to its line.
    private const string Note = "; one number against one number; several runs on each side give a statistical decision";

    [Theory]
    [InlineData(1000, 900, "0.10")]   // exactly 10 % down
    [InlineData(30, 27, "0.10")]      // exactly 10 %, a fraction binary floating point cannot hold
    [InlineData(1000, 1000, "0")]     // no drop allowed, none happened
    [InlineData(1000, 0, "1")]        // everything may be lost
    [InlineData(7, 5, "0.2857142857142857142857142857")] // 2/7 to decimal's precision, rounded up
    public void A_drop_of_exactly_the_allowed_fraction_passes(long baseline, long score, string maxDrop)
    {
        var outcome = ScoreGate.Evaluate(Run(score), Run(baseline), decimal.Parse(maxDrop, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(outcome.Passed, outcome.Reason);
        Assert.StartsWith("PASS", outcome.Reason);
    }

    [Theory]
    [InlineData(1000, 899, "0.10")]
    [InlineData(30, 26, "0.10")]
    [InlineData(1000, 999, "0")]
    [InlineData(1_000_000_000_000, 899_999_999_999, "0.10")]
    public void A_drop_just_over_the_allowed_fraction_is_a_regression(long baseline, long score, string maxDrop)
    {
        var outcome = ScoreGate.Evaluate(Run(score), Run(baseline), decimal.Parse(maxDrop, System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(outcome.Passed);
        Assert.StartsWith("REGRESSION", outcome.Reason);
        Assert.Contains($"score {score}", outcome.Reason);
        Assert.Contains($"baseline's {baseline}", outcome.Reason);
    }

    [Fact]
    public void The_reason_states_the_drop_and_the_allowance_in_percent()
    {
        var outcome = ScoreGate.Evaluate(Run(750), Run(1000), 0.10m);
        Assert.Equal("REGRESSION: score 750 is 25 % below the baseline's 1000 (allowed drop 10 %)" + Note, outcome.Reason);
        Assert.Equal(GateDecision.Fail, outcome.Decision);
    }

    [Fact]
    public void A_higher_score_passes_and_says_by_how_much()
    {
        var outcome = ScoreGate.Evaluate(Run(1100), Run(1000), 0.10m);
        Assert.True(outcome.Passed);
        Assert.Contains("+10 %", outcome.Reason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void A_zero_baseline_cannot_be_dropped_below(long score)
    {
        var outcome = ScoreGate.Evaluate(Run(score), Run(0), 0.10m);
        Assert.True(outcome.Passed);
        Assert.Contains("no drop to measure", outcome.Reason);
    }

    [Fact]
    public void A_failed_run_fails_the_gate_whatever_its_score_and_names_the_first_message()
    {
        var outcome = ScoreGate.Evaluate(Run(5000, pass: false, "token not refreshed (GET /)", "another"), Run(1000), 0.10m);
        Assert.False(outcome.Passed);
        Assert.Equal("FAIL: the run failed (score 5000): token not refreshed (GET /) (+1 more)", outcome.Reason);
        Assert.Empty(outcome.Figures);
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("1.01")]
    public void An_allowance_outside_zero_to_one_is_refused(string maxDrop) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ScoreGate.Evaluate(Run(1), Run(1), decimal.Parse(maxDrop, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Several_runs_are_gated_on_their_median_so_one_low_run_does_not_fail_the_build()
    {
        var outcome = ScoreGate.Evaluate([Run(950), Run(600), Run(1020)], [Run(1000)], 0.10m);

        Assert.True(outcome.Passed, outcome.Reason);
        Assert.Equal("PASS: median score 950 of 3 runs (950, 600, 1020) vs baseline 1000 (-5 %, allowed drop 10 %)" + Note, outcome.Reason);
    }

    [Fact]
    public void Several_runs_fail_when_their_median_dropped_even_if_one_run_was_high()
    {
        var outcome = ScoreGate.Evaluate([Run(800), Run(1500), Run(850)], [Run(1000)], 0.10m);

        Assert.False(outcome.Passed);
        Assert.Equal("REGRESSION: median score 850 of 3 runs (800, 1500, 850) is 15 % below the baseline's 1000 (allowed drop 10 %)" + Note, outcome.Reason);
    }

    [Fact]
    public void Several_baselines_against_one_run_give_their_median_and_an_even_count_the_mean_of_the_middle_two()
    {
        var outcome = ScoreGate.Evaluate([Run(900)], [Run(1000), Run(2000), Run(1100), Run(1300)], 0.10m);

        Assert.False(outcome.Passed);
        Assert.Equal(
            "REGRESSION: score 900 is 25 % below the baseline's median 1200 of 4 (1000, 2000, 1100, 1300) (allowed drop 10 %)" + Note,
            outcome.Reason);
    }

    [Fact]
    public void A_single_run_says_it_is_one_number_against_one_number_and_has_no_statistics()
    {
        var outcome = ScoreGate.Evaluate(Run(1000), Run(1000), 0.10m);

        Assert.EndsWith("; one number against one number; several runs on each side give a statistical decision", outcome.Reason);
        var figure = Assert.Single(outcome.Figures);
        Assert.Equal("score", figure.Name);
        Assert.Null(figure.Statistics);
    }

    [Fact]
    public void One_failed_run_among_several_fails_the_gate_and_says_which()
    {
        var outcome = ScoreGate.Evaluate([Run(1000), Run(9000, pass: false, "critical: GET / returned 500")], [Run(1000)], 0.10m);

        Assert.False(outcome.Passed);
        Assert.Equal("FAIL: run 2 of 2 failed (score 9000): critical: GET / returned 500", outcome.Reason);
    }

    private static ScoreRecord Timed(double p50, string? crowded = null) =>
        new(true, 0, []) { GateFigures = [new GateFigure("GET /api/rooms p50 ms", p50, IsuBench.Bench.Figures.BetterWhen.Lower)], Crowded = crowded };

    private static readonly ScoreRecord[] FiveQuietBaselines = [Timed(1.00), Timed(1.01), Timed(0.99), Timed(1.02), Timed(0.98)];

    [Fact]
    public void A_regression_measured_on_a_crowded_machine_is_inconclusive_and_says_it_would_fail()
    {
        ScoreRecord[] slower = [Timed(1.50), Timed(1.52, "other processes kept 1 CPUs busy (more than 0.25)"), Timed(1.49), Timed(1.51), Timed(1.48)];
        var quiet = ScoreGate.Evaluate(slower.Select(r => r with { Crowded = null }).ToList(), FiveQuietBaselines, 0.10m);
        var crowded = ScoreGate.Evaluate(slower, FiveQuietBaselines, 0.10m);

        Assert.Equal(GateDecision.Fail, quiet.Decision);
        Assert.False(quiet.Figures[0].FailedOnCrowdedMachine);
        Assert.Equal(GateDecision.Inconclusive, crowded.Decision);
        Assert.True(crowded.Figures[0].FailedOnCrowdedMachine);
        Assert.StartsWith("INCONCLUSIVE: GET /api/rooms p50 ms", crowded.Figures[0].Line);
        Assert.EndsWith("it would FAIL, but 1 of 5 result runs ran on a crowded machine (other processes kept 1 CPUs busy (more than 0.25)): "
                        + "no evidence of a regression", crowded.Figures[0].Line);
    }

    [Fact]
    public void One_crowded_run_against_one_baseline_is_inconclusive_too_and_its_line_says_what_it_would_have_said()
    {
        var outcome = ScoreGate.Evaluate(Timed(1.5, "busy"), Timed(1.0), 0.10m);
        Assert.Equal(GateDecision.Inconclusive, outcome.Decision);
        Assert.StartsWith("INCONCLUSIVE: GET /api/rooms p50 ms 1.5 is worse than the baseline's 1", outcome.Figures[0].Line);
        Assert.EndsWith("it would FAIL, but 1 of 1 result run ran on a crowded machine (busy): no evidence of a regression", outcome.Figures[0].Line);
    }

    [Fact]
    public void Crowded_baselines_excuse_nothing_and_crowded_results_that_pass_still_pass()
    {
        ScoreRecord[] slower = [Timed(1.50), Timed(1.52), Timed(1.49), Timed(1.51), Timed(1.48)];
        var crowdedBaselines = FiveQuietBaselines.Select(r => r with { Crowded = "busy" }).ToList();
        Assert.Equal(GateDecision.Fail, ScoreGate.Evaluate(slower, crowdedBaselines, 0.10m).Decision);

        var same = FiveQuietBaselines.Select(r => r with { Crowded = "busy" }).ToList();
        Assert.Equal(GateDecision.Pass, ScoreGate.Evaluate(same, FiveQuietBaselines, 0.10m).Decision);
    }

    [Fact]
    public void What_the_server_spends_per_request_is_allowed_its_own_smaller_rise()
    {
        static ScoreRecord Costs(double cost, double p50) => new(true, 0, [])
        {
            GateFigures =
            [
                new GateFigure("process isuketch: cpu ms per request", cost, IsuBench.Bench.Figures.BetterWhen.Lower),
                new GateFigure("GET /api/rooms p50 ms", p50, IsuBench.Bench.Figures.BetterWhen.Lower),
            ],
        };
        ScoreRecord[] baselines = [Costs(5.00, 1.00), Costs(5.05, 1.01), Costs(4.95, 0.99), Costs(5.02, 1.02), Costs(4.98, 0.98)];
        // Both 5 % worse: beyond the cost's 3 %, within the latency's 10 %.
        ScoreRecord[] results = baselines.Select(b => Costs(b.Figures[0].Value * 1.05, b.Figures[1].Value * 1.05)).ToArray();

        var outcome = ScoreGate.Evaluate(results, baselines, GateSettings.Default);
        var loose = ScoreGate.Evaluate(results, baselines, GateSettings.Default with { MaxCostRise = 0.10m });

        Assert.Equal(GateDecision.Fail, outcome.Figures.Single(f => f.Name == "process isuketch: cpu ms per request").Decision);
        Assert.Contains("allowed drop 3 %", outcome.Figures.Single(f => f.Name == "process isuketch: cpu ms per request").Line);
        Assert.NotEqual(GateDecision.Fail, outcome.Figures.Single(f => f.Name == "GET /api/rooms p50 ms").Decision);
        Assert.NotEqual(GateDecision.Fail, loose.Decision);
    }
}
