using System.Reflection;

namespace IsuBench.Bench.Reports;

/// <summary>The version of isubench written into every result.</summary>
internal static class BenchVersion
{
    /// <summary>The informational version of this assembly (e.g. 1.0.0+commit).</summary>
    public static string Current { get; } =
        typeof(BenchVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(BenchVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
