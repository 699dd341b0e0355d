using IsuBench.Bench.Compare;
using IsuBench.Bench.Figures;
using IsuBench.Bench.Gate;

namespace IsuBench.Tests.Bench.Gate;

/// <summary>The gate's decisions when both sides have several runs. The p-values come from scipy 1.10.1 as each test says.</summary>
public sealed class StatisticalGateTests
{
    private const string Latency = "POST /api/strokes/rooms/{id} p50_ms";

    private static readonly ScoreRecord Baseline = Repeat(10000, 10400, 9800, 10100, 9900);

    // A file of run --repeat: one run per score, the top level the median run.
    private static ScoreRecord Repeat(params long[] scores) =>
        new(true, scores.Order().ElementAt(scores.Length / 2), [])
        {
            Runs = scores.Select((score, i) => new ScoreRecord(true, score, []) { RunId = $"run-{i + 1}" }).ToList(),
        };

    // A file of run --repeat of the gate workload: one latency per run, better when lower.
    private static ScoreRecord Latencies(params double[] values) =>
        new(true, 0, [])
        {
            Runs = values.Select(v => new ScoreRecord(true, 0, []) { GateFigures = [new GateFigure(Latency, v, BetterWhen.Lower)] }).ToList(),
        };

    [Fact]
    public void A_clear_drop_fails_with_the_rank_test_and_the_interval_below_the_allowance()
    {
        var outcome = ScoreGate.Evaluate([Repeat(8000, 8300, 7900, 8100, 8200)], [Baseline], GateSettings.Default);

        Assert.Equal(GateDecision.Fail, outcome.Decision);
        var figure = Assert.Single(outcome.Figures);
        var statistics = figure.Statistics!;
        Assert.Equal((5, 8100.0, 5, 10000.0), (statistics.CandidateRuns, statistics.CandidateMedian, statistics.BaselineRuns, statistics.BaselineMedian));
        Assert.Equal(0.81, statistics.Ratio, 1e-12);
        Assert.True(statistics.Interval.Upper < 0.9, $"upper end {statistics.Interval.Upper}");
        // scipy.stats.mannwhitneyu([8000, 8300, 7900, 8100, 8200], [10000, 10400, 9800, 10100, 9900], alternative="less") → U 0, p 0.003968253968253968
        Assert.Equal(0, statistics.RankTest.U);
        Assert.Equal(0.003968253968253968, statistics.RankTest.P, 1e-12);
        Assert.StartsWith("FAIL: score (higher is better): results 5 runs, median 8100; baselines 5 runs, median 10000; ratio results/baselines 0.81, 95 % interval ", figure.Line);
        Assert.Contains("Mann-Whitney U 0, p 0.004 (exact, one-sided: results worse); the results are worse (p < 0.05) and the whole interval lies below 0.9 (allowed drop 10 %)", figure.Line);
        Assert.Null(figure.MoreRuns);
    }

    [Fact]
    public void Equal_runs_with_a_tight_interval_pass()
    {
        var outcome = ScoreGate.Evaluate([Repeat(10000, 9950, 10200, 9850, 10000)], [Baseline], GateSettings.Default);

        Assert.Equal(GateDecision.Pass, outcome.Decision);
        var statistics = Assert.Single(outcome.Figures).Statistics!;
        Assert.Equal(1, statistics.Ratio);
        Assert.True(statistics.Interval.Lower >= 0.9 && statistics.Interval.Upper >= 1, $"{statistics.Interval}");
        // scipy.stats.mannwhitneyu([10000, 9950, 10200, 9850, 10000], [10000, 10400, 9800, 10100, 9900], alternative="less") → U 12, p 0.5
        Assert.Equal((12.0, 0.5, false), (statistics.RankTest.U, statistics.RankTest.P, statistics.RankTest.Exact));
        Assert.Contains("the interval's lower end is at or above 0.9", outcome.Reason);
    }

    [Fact]
    public void A_small_significant_drop_within_the_allowance_passes()
    {
        var outcome = ScoreGate.Evaluate([Repeat(9500, 9700, 9300, 9600, 9400)], [Baseline], GateSettings.Default);

        Assert.Equal(GateDecision.Pass, outcome.Decision);
        Assert.True(outcome.Figures[0].Statistics!.RankTest.P < 0.05);
    }

    [Fact]
    public void Three_runs_a_side_cannot_show_a_drop_at_95_percent_and_one_more_run_would()
    {
        // scipy.stats.mannwhitneyu([7900, 8000, 8100], [9900, 10000, 10100], alternative="less") → p 0.05, the smallest
        // p three runs against three can reach, and not below 0.05.
        var outcome = ScoreGate.Evaluate([Repeat(8000, 8100, 7900)], [Repeat(10000, 10100, 9900)], GateSettings.Default);

        Assert.Equal(GateDecision.Inconclusive, outcome.Decision);
        var figure = Assert.Single(outcome.Figures);
        Assert.Equal(0.05, figure.Statistics!.RankTest.P, 1e-12);
        Assert.True(figure.Statistics.Interval.Upper < 0.9);
        Assert.Equal(1, figure.MoreRuns!.PerSide);
        Assert.Contains("the interval lies below 0.9 (allowed drop 10 %) but the rank test does not show the results worse (p ≥ 0.05)", figure.Line);
        Assert.Contains("about 1 more run on each side would likely decide (at least 80 % of 200 simulated gates with that many did)", figure.Line);
    }

    [Fact]
    public void A_lower_confidence_lets_the_same_three_runs_fail()
    {
        var outcome = ScoreGate.Evaluate([Repeat(8000, 8100, 7900)], [Repeat(10000, 10100, 9900)], GateSettings.Default with { Confidence = 0.9 });

        Assert.Equal(GateDecision.Fail, outcome.Decision);
        Assert.Contains("90 % interval", outcome.Reason);
    }

    [Fact]
    public void Noisy_runs_near_the_allowance_are_inconclusive_and_say_how_many_more_runs_would_decide()
    {
        var outcome = ScoreGate.Evaluate([Repeat(9400, 9000, 9800, 9200, 9600, 9100)], [Baseline], GateSettings.Default);

        Assert.Equal(GateDecision.Inconclusive, outcome.Decision);
        var figure = Assert.Single(outcome.Figures);
        var interval = figure.Statistics!.Interval;
        Assert.True(interval.Lower < 0.9 && interval.Upper >= 0.9, $"{interval}");
        // scipy.stats.mannwhitneyu([9400, 9000, 9800, 9200, 9600, 9100], [10000, 10400, 9800, 10100, 9900], alternative="less") → U 0.5, p 0.005205549073555211
        Assert.Equal(0.005205549073555211, figure.Statistics.RankTest.P, 1e-12);
        int more = figure.MoreRuns!.PerSide!.Value;
        Assert.InRange(more, 2, 29);
        Assert.Contains($"the interval reaches both below and above 0.9 (allowed drop 10 %); about {more} more runs on each side would likely decide", figure.Line);
    }

    [Fact]
    public void Runs_whose_median_sits_on_the_allowance_would_need_more_runs_than_the_cap()
    {
        var outcome = ScoreGate.Evaluate([Repeat(9000, 8200, 9800, 8600, 9400)], [Baseline], GateSettings.Default);

        Assert.Equal(GateDecision.Inconclusive, outcome.Decision);
        var figure = Assert.Single(outcome.Figures);
        Assert.Equal(0.9, figure.Statistics!.Ratio, 1e-12);
        Assert.Null(figure.MoreRuns!.PerSide);
        Assert.Contains("more than 30 more runs on each side would be needed", figure.Line);
    }

    [Fact]
    public void A_slower_latency_fails_and_a_faster_one_passes_with_the_ratio_turned_so_below_one_is_worse()
    {
        var baseline = Latencies(100, 102, 98, 101, 99);

        var slower = ScoreGate.Evaluate([Latencies(120, 125, 118, 130, 122)], [baseline], GateSettings.Default);
        var faster = ScoreGate.Evaluate([Latencies(80, 82, 79, 81, 78)], [baseline], GateSettings.Default);

        Assert.Equal(GateDecision.Fail, slower.Decision);
        var slow = slower.Figures[0].Statistics!;
        Assert.Equal(100.0 / 122, slow.Ratio, 1e-12);
        // scipy.stats.mannwhitneyu([120, 125, 118, 130, 122], [100, 102, 98, 101, 99], alternative="greater") → U 25, p 0.003968253968253968
        Assert.Equal(25.0, slow.RankTest.U);
        Assert.Equal(0.003968253968253968, slow.RankTest.P, 1e-12);
        Assert.StartsWith($"FAIL: {Latency} (lower is better): results 5 runs, median 122; baselines 5 runs, median 100; ratio baselines/results 0.82,", slower.Reason);

        Assert.Equal(GateDecision.Pass, faster.Decision);
        var fast = faster.Figures[0].Statistics!;
        Assert.Equal(1.25, fast.Ratio, 1e-12);
        // scipy.stats.mannwhitneyu([80, 82, 79, 81, 78], [100, 102, 98, 101, 99], alternative="greater") → U 0, p 0.9999999999999998
        Assert.Equal(0.9999999999999998, fast.RankTest.P, 1e-12);
    }

    [Fact]
    public void A_failed_run_among_repeated_runs_fails_the_gate_and_names_it()
    {
        var runs = Repeat(10500, 10600, 10400);
        runs = runs with { Runs = [runs.Runs[0], new ScoreRecord(false, 12000, ["critical: GET / returned 500"]) { RunId = "run-2", Source = "results/ci/result.json" }, runs.Runs[2]] };

        var outcome = ScoreGate.Evaluate([runs], [Baseline], GateSettings.Default);

        Assert.Equal(GateDecision.Fail, outcome.Decision);
        Assert.Equal("FAIL: run 2 of 3 (run-2 in results/ci/result.json) failed (score 12000): critical: GET / returned 500", outcome.Reason);
        Assert.Empty(outcome.Figures);
    }

    [Fact]
    public void The_runs_of_several_files_pool_on_each_side()
    {
        var outcome = ScoreGate.Evaluate(
            [Repeat(8000, 8300), Repeat(7900, 8100, 8200)], [Repeat(10000, 10400, 9800), Repeat(10100, 9900)], GateSettings.Default);

        var statistics = Assert.Single(outcome.Figures).Statistics!;
        Assert.Equal((5, 5), (statistics.CandidateRuns, statistics.BaselineRuns));
        Assert.Equal(0.003968253968253968, statistics.RankTest.P, 1e-12);
    }

    [Fact]
    public void Only_figures_on_both_sides_are_compared_and_the_others_are_named()
    {
        ScoreRecord Run(double latency, double delivered, string extra) => new(true, 0, [])
        {
            GateFigures =
            [
                new GateFigure(Latency, latency, BetterWhen.Lower),
                new GateFigure("delivered_within_2s", delivered, BetterWhen.Higher),
                new GateFigure(extra, 1, BetterWhen.Higher),
            ],
        };
        var results = new ScoreRecord(true, 0, []) { Runs = [Run(100, 0.95, "new"), Run(101, 0.96, "new"), Run(99, 0.97, "new")] };
        var baselines = new ScoreRecord(true, 0, []) { Runs = [Run(100, 0.96, "old"), Run(102, 0.95, "old"), Run(98, 0.97, "old")] };

        var outcome = ScoreGate.Evaluate([results], [baselines], GateSettings.Default);

        Assert.Equal([Latency, "delivered_within_2s"], outcome.Figures.Select(f => f.Name));
        Assert.Equal(["\"new\" (results only)", "\"old\" (baselines only)"], outcome.Skipped.Select(s => s.ToString()));
        Assert.Equal(GateDecision.Pass, outcome.Decision);
        Assert.Equal("PASS: of 2 figures: 2 PASS", outcome.Reason);
    }

    [Fact]
    public void One_failing_figure_fails_the_whole_gate_and_one_inconclusive_figure_makes_it_inconclusive()
    {
        ScoreRecord Run(double latency, double delivered) => new(true, 0, [])
        {
            GateFigures = [new GateFigure(Latency, latency, BetterWhen.Lower), new GateFigure("delivered_within_2s", delivered, BetterWhen.Higher)],
        };
        var baselines = new ScoreRecord(true, 0, []) { Runs = [Run(100, 0.96), Run(102, 0.95), Run(98, 0.97), Run(101, 0.96), Run(99, 0.95)] };
        // Latency up by a fifth (FAIL); delivery alike (PASS).
        var slower = new ScoreRecord(true, 0, []) { Runs = [Run(120, 0.96), Run(125, 0.95), Run(118, 0.97), Run(130, 0.96), Run(122, 0.95)] };
        // Latency alike (PASS); delivery scattered around the allowance (INCONCLUSIVE).
        var scattered = new ScoreRecord(true, 0, []) { Runs = [Run(100, 0.94), Run(102, 0.90), Run(98, 0.98), Run(101, 0.86), Run(99, 0.82)] };

        var failed = ScoreGate.Evaluate([slower], [baselines], GateSettings.Default);
        var inconclusive = ScoreGate.Evaluate([scattered], [baselines], GateSettings.Default);

        Assert.Equal([GateDecision.Fail, GateDecision.Pass], failed.Figures.Select(f => f.Decision));
        Assert.Equal(GateDecision.Fail, failed.Decision);
        Assert.Equal("FAIL: of 2 figures: 1 FAIL, 1 PASS", failed.Reason);
        Assert.Equal([GateDecision.Pass, GateDecision.Inconclusive], inconclusive.Figures.Select(f => f.Decision));
        Assert.Equal(GateDecision.Inconclusive, inconclusive.Decision);
        Assert.Equal("INCONCLUSIVE: of 2 figures: 1 INCONCLUSIVE, 1 PASS", inconclusive.Reason);
    }

    [Fact]
    public void The_same_files_always_get_the_same_decision_and_numbers()
    {
        var first = ScoreGate.Evaluate([Repeat(9500, 9000, 9800, 9200, 9600, 9100)], [Baseline], GateSettings.Default);
        var again = ScoreGate.Evaluate([Repeat(9500, 9000, 9800, 9200, 9600, 9100)], [Baseline], GateSettings.Default);

        Assert.Equal(first.Reason, again.Reason);
        Assert.Equal(first.Figures[0].Statistics, again.Figures[0].Statistics);
    }

    [Fact]
    public void Sides_that_share_no_figure_or_disagree_on_its_direction_are_refused()
    {
        var latencies = Latencies(100, 101);
        var disagreeing = new ScoreRecord(true, 0, []) { GateFigures = [new GateFigure(Latency, 100, BetterWhen.Higher)] };

        var none = Assert.Throws<GateInputException>(() => ScoreGate.Evaluate([latencies], [Baseline], GateSettings.Default));
        var direction = Assert.Throws<GateInputException>(() => ScoreGate.Evaluate([latencies], [disagreeing], GateSettings.Default));

        Assert.Contains("no figure is in both", none.Message);
        Assert.Contains("better when lower in the results but when higher in the baselines", direction.Message);
    }
}
