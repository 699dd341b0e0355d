using IsuBench.Engine.Execution;

namespace IsuBench.Tests.Scenarios.Engine;

public sealed class WorkerSeedTests
{
    [Fact]
    public void Seeds_are_stable_and_differ_by_run_workload_and_worker()
    {
        int seed = WorkerSeed.Derive(42, "LoadIndexPage", 3);

        // A constant pins the derivation: a seed must mean the same choices on every machine and release.
        Assert.Equal(559908827, seed);
        Assert.Equal(seed, WorkerSeed.Derive(42, "LoadIndexPage", 3));
        var others = new[]
        {
            WorkerSeed.Derive(43, "LoadIndexPage", 3),
            WorkerSeed.Derive(42, "DrawOnRandomRoom", 3),
            WorkerSeed.Derive(42, "LoadIndexPage", 4),
        };
        Assert.DoesNotContain(seed, others);
        Assert.All(others.Append(seed), s => Assert.True(s >= 0));
    }
}
