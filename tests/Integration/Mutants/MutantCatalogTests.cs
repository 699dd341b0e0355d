using IsuBench.Checks.Rules;

namespace IsuBench.Integration.Mutants;

/// <summary>The catalogue itself, independent of any reference: enough mutants, unique names, each breaking a rule that exists.</summary>
public sealed class MutantCatalogTests
{
    [Fact]
    public void The_catalogue_holds_at_least_25_mutants_each_breaking_a_known_rule()
    {
        var mutants = MutantCatalog.CreateAll();
        Assert.True(mutants.Count >= 25, $"{mutants.Count} mutants");
        Assert.Equal(mutants.Count, mutants.Select(m => m.Name).Distinct().Count());
        Assert.All(mutants, m => Assert.NotNull(RuleCatalog.Find(m.Breaks)));
    }
}
