namespace IsuBench.Benchmarks.SseCapacity;

/// <summary>The tool's <c>--name value</c> options.</summary>
public sealed class CommandLineOptions(IReadOnlyDictionary<string, string> values)
{
    /// <summary>Parses pairs of <c>--name value</c>.</summary>
    public static CommandLineOptions Parse(IEnumerable<string> args)
    {
        var list = args.ToList();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < list.Count; i += 2)
        {
            values[list[i].TrimStart('-')] = list[i + 1];
        }
        return new CommandLineOptions(values);
    }

    /// <summary>A text option.</summary>
    public string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    /// <summary>An integer option.</summary>
    public int Int(string name, int fallback) => values.TryGetValue(name, out var text) ? int.Parse(text) : fallback;
}
