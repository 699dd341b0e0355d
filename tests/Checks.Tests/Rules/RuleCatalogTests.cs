using System.Reflection;
using IsuBench.Checks.Rules;
using IsuBench.Checks.Verdicts;

namespace IsuBench.Tests.Checks.Rules;

/// <summary>The catalogue lists every rule the Checks assembly declares, once, so none escapes the mutant and fidelity tests.</summary>
public sealed class RuleCatalogTests
{
    [Fact]
    public void Every_rule_declared_in_the_checks_is_in_the_catalogue_once()
    {
        var declared = typeof(RuleCatalog).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(Rule))
            .Select(f => (Rule)f.GetValue(null)!)
            .ToList();

        Assert.NotEmpty(declared);
        Assert.Equal(declared.Select(r => r.Id).Order(), RuleCatalog.All.Select(r => r.Id).Order());
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Id).Distinct().Count());
    }
}
