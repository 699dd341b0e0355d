using System.Text.RegularExpressions;

namespace IsuBench.Integration.Bench;

/// <summary>The lines of the demo's output that its tests read.</summary>
internal static partial class DemoOutput
{
    /// <summary>Where the demo's reference server listens (group 1: its base address).</summary>
    [GeneratedRegex(@"reference server listens on (\S+)")]
    public static partial Regex ListensOn();

    /// <summary>The demo's MariaDB connection string (group 1).</summary>
    [GeneratedRegex(@"MariaDB: ([^\r\n]+)")]
    public static partial Regex MariaDbLine();
}
