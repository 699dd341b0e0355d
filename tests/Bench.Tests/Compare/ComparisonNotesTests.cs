using IsuBench.Bench.Compare;
using static IsuBench.Tests.Bench.Infrastructure.ComparisonSamples;

namespace IsuBench.Tests.Bench.Compare;

public sealed class ComparisonNotesTests
{
    [Fact]
    public void Runs_of_different_front_ends_or_server_profiles_are_noted()
    {
        var baseline = Run("a", get: 10) with { ServerProfile = "baseline" };
        var tuned = Run("b", get: 10) with { ServerProfile = "tuned", Options = Run("b", get: 10).Options with { FrontEnd = "isucon6f" } };
        var unnamed = Run("c", get: 10);

        var notes = ComparisonNotes.Of([Side("a", baseline), Side("b", tuned), Side("c", unnamed)]);

        Assert.Contains("The runs differ in front end: reference, isucon6f.", notes);
        Assert.Contains("The runs differ in server profile: baseline, tuned, not reported.", notes);
        Assert.Empty(ComparisonNotes.Of([Side("a", baseline), Side("b", baseline with { RunId = "b" })]));
    }
}
