namespace IsuBench.Bench.Gate;

/// <summary>
/// Estimates how many more runs per side would decide an inconclusive figure: it simulates gates of n + k runs per
/// side by drawing each side's runs with replacement from its observed runs (seeded), and finds the smallest k up to
/// the cap at which enough simulated gates reach PASS or FAIL.
/// </summary>
public static class RunsToDecideEstimator
{
    /// <summary>The estimate for <paramref name="samples"/> under <paramref name="settings"/>.</summary>
    public static RunsToDecide Estimate(FigureSamples samples, GateSettings settings)
    {
        int cap = settings.MoreRunsCap;
        var result = (int? perSide) => new RunsToDecide(perSide, cap, settings.Simulations, settings.DecidingShare);
        // More runs narrow the interval, so the chance to decide grows with k: double k until it decides, then bisect
        // between the last k that did not and the first that did. That tries about 2·log2(cap) values of k, not cap.
        int undecided = 0, k = 1;
        while (!Decides(samples, settings, k))
        {
            if (k == cap) return result(null);
            undecided = k;
            k = Math.Min(2 * k, cap);
        }
        while (k - undecided > 1)
        {
            int middle = (undecided + k) / 2;
            if (Decides(samples, settings, middle)) k = middle;
            else undecided = middle;
        }
        return result(k);
    }

    // Whether at least the deciding share of simulated gates with k more runs per side reach a decision. Each k has its
    // own seed, so an estimate does not depend on which other k were tried.
    private static bool Decides(FigureSamples samples, GateSettings settings, int k)
    {
        var random = new Random(unchecked(settings.Seed + 7919 * k));
        int needed = (int)Math.Ceiling(settings.DecidingShare * settings.Simulations);
        int decided = 0;
        for (int simulation = 0; simulation < settings.Simulations; simulation++)
        {
            var simulated = samples with
            {
                Candidates = Draw(samples.Candidates, samples.Candidates.Count + k, random),
                Baselines = Draw(samples.Baselines, samples.Baselines.Count + k, random),
            };
            if (FigureTest.Run(simulated, settings, settings.SimulationResamples, random).Decision != GateDecision.Inconclusive) decided++;
            if (decided >= needed) return true;
            // Stop once the rest could not reach the share even if all of them decided.
            if (decided + settings.Simulations - simulation - 1 < needed) return false;
        }
        return false;
    }

    private static double[] Draw(IReadOnlyList<double> observed, int count, Random random)
    {
        var drawn = new double[count];
        for (int i = 0; i < count; i++) drawn[i] = observed[random.Next(observed.Count)];
        return drawn;
    }
}
