using IsuBench.Integration.InitialCheck;
using IsuBench.Reference.DataSet;
using Xunit.Abstractions;

namespace IsuBench.Integration.DataSet;

/// <summary>
/// The full data set as loaded into MariaDB. In the collection of the baseline reference, whose database holds the full
/// data set (<see cref="LoadedReference"/>); the small loads (<see cref="DataSetLoadTests"/>) need no reference and run beside it.
/// </summary>
[Collection(InitialCheckCollection.Name)]
public sealed class FullDataSetLoadTests(BaselineReference reference, ITestOutputHelper output)
{
    [Fact]
    public void The_full_data_set_loads_with_the_original_counts()
    {
        // The baseline reference of the initial-check tests loads the full data set into a fresh database; its load is the
        // one checked here, as a second load of 1.4 million points would only repeat it.
        output.WriteLine($"full data set loaded in {reference.FullDataSetLoadTime.TotalSeconds:F1} s");
        Assert.Equal(new DataSetCounts(1000, 41_000, 1_443_000, 50_000, 50_000, 1000), reference.FullDataSetCounts);
    }
}
