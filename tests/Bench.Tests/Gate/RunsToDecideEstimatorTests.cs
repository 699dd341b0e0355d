using IsuBench.Bench.Compare;
using IsuBench.Bench.Figures;
using IsuBench.Bench.Gate;

namespace IsuBench.Tests.Bench.Gate;

public sealed class RunsToDecideEstimatorTests
{
    private static readonly FigureSamples Noisy =
        new("score", BetterWhen.Higher, [9400, 9000, 9800, 9200, 9600, 9100], [10000, 10400, 9800, 10100, 9900]);

    [Fact]
    public void The_estimate_is_the_smallest_number_of_runs_that_decides_so_a_cap_one_lower_is_not_enough()
    {
        var estimate = RunsToDecideEstimator.Estimate(Noisy, GateSettings.Default);
        int k = estimate.PerSide!.Value;

        var belowIt = RunsToDecideEstimator.Estimate(Noisy, GateSettings.Default with { MoreRunsCap = k - 1 });
        var atIt = RunsToDecideEstimator.Estimate(Noisy, GateSettings.Default with { MoreRunsCap = k });

        Assert.Null(belowIt.PerSide);
        Assert.Equal(k, atIt.PerSide);
        Assert.Equal((30, 200, 0.8), (estimate.Cap, estimate.Simulations, estimate.Share));
    }

    [Fact]
    public void Runs_that_never_overlap_decide_with_one_more_run()
    {
        var separated = new FigureSamples("score", BetterWhen.Higher, [8000, 8100, 7900], [10000, 10100, 9900]);
        Assert.Equal(1, RunsToDecideEstimator.Estimate(separated, GateSettings.Default).PerSide);
    }

    [Fact]
    public void The_estimate_is_deterministic()
    {
        // Fewer simulations than the gate's, to keep the test fast; the seed is the same.
        var settings = GateSettings.Default with { Simulations = 50, SimulationResamples = 300 };
        Assert.Equal(RunsToDecideEstimator.Estimate(Noisy, settings), RunsToDecideEstimator.Estimate(Noisy, settings));
    }
}
