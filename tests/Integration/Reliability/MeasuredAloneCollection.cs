namespace IsuBench.Integration.Reliability;

/// <summary>
/// Tests that measure this process's memory run in this collection: xunit runs it after the parallel collections and
/// alone, so no other test's allocations blur the measurement.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAloneCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "measured alone";
}
