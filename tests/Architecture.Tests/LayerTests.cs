using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace IsuBench.Tests.Architecture;

/// <summary>The layer table of docs/ARCHITECTURE.md, held against the compiled code (NetArchTest reads every type's IL).</summary>
public sealed class LayerTests
{
    private static readonly Types Code = Types.InAssemblies(CodeTypes.Assemblies);

    [Fact]
    public void Every_namespace_of_the_code_has_a_row_in_the_layer_table()
    {
        var unmapped = CodeTypes.Namespaces.Where(ns => LayerMap.Owner(ns) is null).ToList();
        Assert.True(unmapped.Count == 0, $"namespaces with no row in docs/ARCHITECTURE.md: {string.Join(", ", unmapped)}");
    }

    [Fact]
    public void Every_row_of_the_layer_table_is_a_namespace_of_the_code()
    {
        var empty = LayerMap.Layers.Where(layer => !CodeTypes.Namespaces.Any(layer.Covers)).Select(layer => layer.Namespace).ToList();
        var unknown = LayerMap.Layers.SelectMany(layer => layer.MayUse).Distinct()
            .Where(used => !CodeTypes.Namespaces.Any(ns => ns == used || ns.StartsWith(used + ".", StringComparison.Ordinal))).ToList();
        Assert.True(empty.Count == 0 && unknown.Count == 0,
            $"rows without code: {string.Join(", ", empty)}; 'may use' entries without code: {string.Join(", ", unknown)}");
    }

    public static TheoryData<string> Namespaces() => new(CodeTypes.Namespaces);

    [Theory]
    [MemberData(nameof(Namespaces))]
    public void A_namespace_uses_only_what_its_layer_may_use(string ns)
    {
        var layer = LayerMap.Owner(ns);
        Assert.NotNull(layer);
        var forbidden = LayerMap.Layers.Where(other => !layer.Allows(other)).ToList();
        var failures = Violations(ns, forbidden);
        Assert.True(failures.Count == 0, $"{ns} (layer {layer.Namespace}) uses what it may not:\n{string.Join("\n", failures)}");
    }

    // The arrows a read of the code once found (issue: "layers not enforced"), each forbidden here whatever the table says.
    [Theory]
    [InlineData("IsuBench.Engine", "IsuBench.Checks")]
    [InlineData("IsuBench.Engine", "IsuBench.Scenarios")]
    [InlineData("IsuBench.Scenarios.Api", "IsuBench.Scenarios.Workloads")]
    [InlineData("IsuBench.Scenarios.Api", "IsuBench.Scenarios.Judging")]
    [InlineData("IsuBench.Scenarios.InitialCheck", "IsuBench.Scenarios.Workloads")]
    [InlineData("IsuBench.Scenarios.Workloads", "IsuBench.Scenarios.InitialCheck")]
    [InlineData("IsuBench.Bench.Gate", "IsuBench.Bench.Compare")]
    [InlineData("IsuBench.Bench.Compare", "IsuBench.Bench.Gate")]
    public void An_arrow_found_wrong_once_stays_out(string from, string to)
    {
        var targets = CodeTypes.All.Where(type => Covers(to, type.Namespace!)).Select(FullName).ToArray();
        Assert.NotEmpty(targets);
        var result = Code.That().ResideInNamespace(from).ShouldNot().HaveDependencyOnAny(targets).GetResult();
        Assert.True(result.IsSuccessful, $"{from} uses {to}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_table_refuses_an_arrow_it_does_not_list()
    {
        // The check itself must be able to fail: a table without Judging's right to use the engine finds Judge's use of it.
        var judging = new Layer("IsuBench.Scenarios.Judging", ["IsuBench.Checks"]);
        var engine = LayerMap.Layers.Where(layer => layer.Namespace.StartsWith("IsuBench.Engine", StringComparison.Ordinal)).ToList();
        Assert.All(engine, layer => Assert.False(judging.Allows(layer)));
        Assert.NotEmpty(Violations("IsuBench.Scenarios.Judging", engine));
    }

    /// <summary>"Type uses Layer" for every type of <paramref name="ns"/> (its own, not a deeper row's) that uses a type of a forbidden layer.</summary>
    private static List<string> Violations(string ns, IReadOnlyList<Layer> forbidden)
    {
        var failures = new List<string>();
        foreach (var layer in forbidden)
        {
            var targets = CodeTypes.All.Where(type => LayerMap.Owner(type.Namespace!) == layer).Select(FullName).ToArray();
            if (targets.Length == 0) continue;
            var result = Code.That().ResideInNamespaceMatching($"^{Regex.Escape(ns)}$").ShouldNot().HaveDependencyOnAny(targets).GetResult();
            if (!result.IsSuccessful) failures.AddRange(result.FailingTypeNames.Select(type => $"  {type} uses {layer.Namespace}"));
        }
        return failures;
    }

    private static bool Covers(string prefix, string ns) => ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal);

    // Cecil, which NetArchTest reads with, writes nested types with '/'; reflection writes '+'.
    private static string FullName(Type type) => type.FullName!.Replace('+', '/');
}
