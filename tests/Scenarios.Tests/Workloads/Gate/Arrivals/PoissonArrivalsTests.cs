using IsuBench.Scenarios.Workloads.Gate;
using IsuBench.Scenarios.Workloads.Gate.Arrivals;

namespace IsuBench.Tests.Scenarios.Workloads.Gate.Arrivals;

/// <summary>The gate's arrival times: a seeded Poisson process, the same for every run of a seed.</summary>
public sealed class PoissonArrivalsTests
{
    private static readonly TimeSpan Mean = TimeSpan.FromMilliseconds(250);

    [Fact]
    public void The_same_seed_gives_the_same_times_and_another_seed_other_times()
    {
        var first = new PoissonArrivals(Mean, Seed: 7).Offsets().Take(100).ToList();

        Assert.Equal(first, new PoissonArrivals(Mean, Seed: 7).Offsets().Take(100));
        Assert.NotEqual(first, new PoissonArrivals(Mean, Seed: 8).Offsets().Take(100));
    }

    [Fact]
    public void Gaps_are_positive_and_exponential_with_the_mean_asked_for()
    {
        var offsets = new PoissonArrivals(Mean, Seed: 1).Offsets().Take(20_000).ToList();
        var gaps = offsets.Zip(offsets.Skip(1), (a, b) => (b - a).TotalMilliseconds).Prepend(offsets[0].TotalMilliseconds).ToList();

        Assert.All(gaps, gap => Assert.True(gap >= 0));
        // The mean of 20,000 exponential gaps has a standard error of 0.7 % of the mean; 3 % is over four of them.
        Assert.InRange(gaps.Average(), 250 * 0.97, 250 * 1.03);
        // Memorylessness shows in the spread: P(gap > mean) = 1/e ≈ 0.368 and P(gap > 3 × mean) = e^-3 ≈ 0.050, where
        // evenly spaced arrivals would give 0 for both and uniformly jittered ones nothing beyond twice the mean.
        Assert.InRange(gaps.Count(g => g > 250) / (double)gaps.Count, 0.35, 0.39);
        Assert.InRange(gaps.Count(g => g > 750) / (double)gaps.Count, 0.042, 0.058);
    }

    [Fact]
    public void A_mean_gap_that_is_not_positive_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PoissonArrivals(TimeSpan.Zero, Seed: 1).Offsets().First());
    }

    [Theory]
    // Values computed with Python: FNV-1a over the name's UTF-16 code units, its offset basis XORed with the run's seed.
    [InlineData("room list", 42, -1103222624)]
    [InlineData("room", 42, 1561856872)]
    [InlineData("post 0", 42, 1338037689)]
    [InlineData("room list", -1, 1657645379)]
    public void A_schedule_seed_depends_only_on_its_name_and_the_run_seed(string schedule, int runSeed, int expected)
    {
        // The same in every process: a seed from string.GetHashCode would give another schedule each run.
        Assert.Equal(expected, GatePlan.ScheduleSeed(schedule, runSeed));
    }
}
