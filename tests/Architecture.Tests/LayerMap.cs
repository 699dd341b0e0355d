using System.Text.RegularExpressions;
using IsuBench.Tests.Shared;

namespace IsuBench.Tests.Architecture;

/// <summary>One row of the layer table in docs/ARCHITECTURE.md: a namespace and the namespaces it may use.</summary>
internal sealed record Layer(string Namespace, IReadOnlyList<string> MayUse)
{
    /// <summary>Whether code of this layer may use <paramref name="other"/>: itself, or a namespace it names (or one inside it).</summary>
    public bool Allows(Layer other) =>
        other == this || MayUse.Any(allowed => other.Namespace == allowed || other.Namespace.StartsWith(allowed + ".", StringComparison.Ordinal));

    /// <summary>Whether <paramref name="ns"/> is this layer's namespace or inside it.</summary>
    public bool Covers(string ns) => ns == Namespace || ns.StartsWith(Namespace + ".", StringComparison.Ordinal);
}

/// <summary>
/// The layer table of docs/ARCHITECTURE.md ("Layers the compiler holds"), read as the tests enforce it: the map is the rule,
/// so the document cannot drift from the code.
/// </summary>
internal static partial class LayerMap
{
    private const string Heading = "## Layers the compiler holds";

    /// <summary>The document's path.</summary>
    public static string DocumentPath { get; } = Path.Combine(RepositoryRoot.Path, "docs", "ARCHITECTURE.md");

    /// <summary>Every row of the table, in the document's order.</summary>
    public static IReadOnlyList<Layer> Layers { get; } = Read(File.ReadAllLines(DocumentPath));

    /// <summary>The most specific layer that covers <paramref name="ns"/>, or null when no row does.</summary>
    public static Layer? Owner(string ns) =>
        Layers.Where(layer => layer.Covers(ns)).MaxBy(layer => layer.Namespace.Length);

    /// <summary>Reads the table under the heading: <c>| `Namespace` | `A`, `B` |</c> rows, "nothing" for none.</summary>
    public static IReadOnlyList<Layer> Read(IReadOnlyList<string> lines)
    {
        int start = lines.ToList().FindIndex(line => line.Trim() == Heading);
        if (start < 0) throw new InvalidOperationException($"docs/ARCHITECTURE.md has no '{Heading}' section");
        var layers = new List<Layer>();
        foreach (var line in lines.Skip(start + 1).SkipWhile(line => !line.StartsWith('|')).TakeWhile(line => line.StartsWith('|')))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 4 || !cells[1].StartsWith('`')) continue; // the header and its rule
            var ns = Code().Match(cells[1]).Groups[1].Value;
            var mayUse = Code().Matches(cells[2]).Select(match => match.Groups[1].Value).ToList();
            layers.Add(new Layer(ns, mayUse));
        }
        if (layers.Count == 0) throw new InvalidOperationException($"the '{Heading}' section has no table rows");
        return layers;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
