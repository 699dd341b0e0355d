using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer(
    "IsuBench.Integration.Infrastructure.LongestFirstCollectionOrderer", "IsuBench.Integration")]

namespace IsuBench.Integration.Infrastructure;

/// <summary>
/// Starts the longest test collections first. xunit runs at most <c>maxParallelThreads</c> collections at once
/// (xunit.runner.json) and starts the next as one ends, in this order: a long class started last would run on alone
/// after the others ended, so the suite would take longer than its longest class needs.
/// </summary>
public sealed class LongestFirstCollectionOrderer : ITestCollectionOrderer
{
    /// <summary>
    /// The collections that take longest, longest first, by the name of their class (or of their collection), from the
    /// durations the suite's runs report; every other collection follows in xunit's default order.
    /// </summary>
    private static readonly string[] Longest =
    [
        "CiRecipeTests",
        "initial check against the loaded baseline reference",
        "DemoCommandTests",
        "ToolPackageTests",
        "initial check against the loaded tuned reference",
        "RunCommandTests",
        "ReadmeCommandBlocksTests",
        "CollapseReportTests",
        "SlowWatcherTests",
        "DatabaseStopTests",
        "DatabaseKillTests",
        "DatabaseFreezeTests",
        "Tls12FrontRunTests",
        "Tls13FrontRunTests",
        "KilledSegmentRunTests",
        "PointLimitTestsOnBaseline",
        "LoadPhaseTestsOnBaseline",
        "LoadPhaseTestsOnTuned",
        "ProcessesRunTests",
        "LiveDrawingTestsOnBaseline",
        "LiveMetricsTests",
    ];

    private readonly DefaultTestCollectionOrderer _default = new();

    /// <inheritdoc />
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        _default.OrderTestCollections(testCollections).OrderBy(Rank).ToList();

    // A stable sort: collections of equal rank keep the default order.
    private static int Rank(ITestCollection collection)
    {
        var name = collection.DisplayName;
        var index = Array.FindIndex(Longest, n => name == n || name.EndsWith("." + n, StringComparison.Ordinal));
        return index < 0 ? Longest.Length : index;
    }
}
