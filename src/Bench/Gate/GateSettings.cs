using IsuBench.Bench.Figures;

namespace IsuBench.Bench.Gate;

/// <summary>How the gate decides: the allowed drop, the confidence, and the fixed sizes and seed of its resampling.</summary>
internal sealed record GateSettings(decimal MaxDrop, double Confidence)
{
    /// <summary>The default confidence of the rank test and of the interval (95 %).</summary>
    public const double DefaultConfidence = 0.95;

    /// <summary>The defaults: a drop of 10 % (a rise of 3 % of what the server spends per request), 95 % confidence.</summary>
    public static GateSettings Default { get; } = new(ScoreGate.DefaultMaxDrop, DefaultConfidence);

    /// <summary>
    /// The default allowed rise of a figure of what the server spends per request (3 %): its runs agree far more closely
    /// than latencies on a shared machine (results/gate.md), so a smaller change is a regression.
    /// </summary>
    public const decimal DefaultMaxCostRise = 0.03m;

    /// <summary>The allowed rise of a figure of what a source spends per request, in place of <see cref="MaxDrop"/>.</summary>
    public decimal MaxCostRise { get; init; } = DefaultMaxCostRise;

    /// <summary>The settings that judge <paramref name="figure"/>: for a cost figure, its own allowance as the drop.</summary>
    public GateSettings For(string figure) => CostFigureName.Is(figure) ? this with { MaxDrop = MaxCostRise } : this;

    /// <summary>Resamples of the bootstrap interval; at 10,000 its ends move by well under 1 % between seeds.</summary>
    public int BootstrapResamples { get; init; } = 10_000;

    /// <summary>The fixed seed of every resampling, so the same files always get the same decision.</summary>
    public int Seed { get; init; } = 20_161_022;

    /// <summary>Simulated gates per number of extra runs when a decision is inconclusive.</summary>
    public int Simulations { get; init; } = 200;

    /// <summary>Resamples of each simulated gate's interval: fewer than the real one's, as only the decision counts.</summary>
    public int SimulationResamples { get; init; } = 1_000;

    /// <summary>The most extra runs per side the estimate tries.</summary>
    public int MoreRunsCap { get; init; } = 30;

    /// <summary>The share of simulations that must reach a decision for a number of extra runs to count as deciding.</summary>
    public double DecidingShare { get; init; } = 0.8;

    /// <summary>The ratio below which a figure has dropped too far: 1 − <see cref="MaxDrop"/>.</summary>
    public double Threshold => (double)(1 - MaxDrop);

    /// <summary>The significance level of the rank test: 1 − <see cref="Confidence"/>.</summary>
    // In decimal: 1 − 0.95 in binary floating point is 0.05000000000000004, and an exact p of 1/20 would pass under it.
    public double Alpha => (double)(1 - (decimal)Confidence);

    /// <summary>Throws when a setting is out of its range.</summary>
    public void Validate()
    {
        if (MaxDrop < 0 || MaxDrop > 1) throw new ArgumentOutOfRangeException(nameof(MaxDrop), MaxDrop, "must lie in [0, 1]");
        if (MaxCostRise < 0 || MaxCostRise > 1)
            throw new ArgumentOutOfRangeException(nameof(MaxCostRise), MaxCostRise, "must lie in [0, 1]");
        if (!(Confidence > 0 && Confidence < 1)) throw new ArgumentOutOfRangeException(nameof(Confidence), Confidence, "must lie in (0, 1)");
        if (BootstrapResamples < 1 || SimulationResamples < 1 || Simulations < 1 || MoreRunsCap < 1)
            throw new ArgumentOutOfRangeException(nameof(BootstrapResamples), "resample, simulation and run counts must be at least 1");
        if (!(DecidingShare > 0 && DecidingShare <= 1)) throw new ArgumentOutOfRangeException(nameof(DecidingShare), DecidingShare, "must lie in (0, 1]");
    }
}
