using IsuBench.Checks.Rules;
using IsuBench.Tests.Shared;

namespace IsuBench.Tests.Checks.Rules;

/// <summary>docs/fidelity.md gives every rule of the catalogue its row, and lists what <c>--strict</c> hardens: exactly the additions.</summary>
public sealed class FidelityDocumentTests
{
    private static readonly string Document = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "fidelity.md"));

    public static TheoryData<string> RuleIds() => new(RuleCatalog.All.Select(r => r.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_its_row_naming_the_original_or_saying_it_is_an_addition(string id)
    {
        var row = Document.Split('\n').SingleOrDefault(line => line.StartsWith($"| `{id}` |", StringComparison.Ordinal));
        Assert.True(row is not null, $"docs/fidelity.md has no row for {id}");
        var rule = RuleCatalog.Find(id)!;
        if (rule.Addition) Assert.Contains("**addition**", row);
        else Assert.Matches(@"`[a-z_/]+\.go:\d+", row);
    }

    [Fact]
    public void The_strict_section_names_exactly_the_additions()
    {
        var start = Document.IndexOf("### What `--strict` hardens", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/fidelity.md has no section on --strict");
        var section = Document[start..Document.IndexOf("\n## ", start, StringComparison.Ordinal)];
        foreach (var rule in RuleCatalog.All)
            Assert.Equal(rule.Addition, section.Contains($"`{rule.Id}`", StringComparison.Ordinal));
    }
}
