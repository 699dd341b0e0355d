namespace IsuBench.Integration.Mutants;

/// <summary>Every mutant, by name; each call makes fresh instances (mutants keep state per run).</summary>
public static class MutantCatalog
{
    /// <summary>Fresh instances of all mutants.</summary>
    public static IReadOnlyList<Mutant> CreateAll() =>
        [.. ApiMutants.Create(), .. TopPageMutants.Create(), .. ImageAndStaticMutants.Create(), .. StreamMutants.Create()];

    /// <summary>The names of all mutants, for theory data.</summary>
    public static IEnumerable<object[]> Names => CreateAll().Select(m => new object[] { m.Name });
}
