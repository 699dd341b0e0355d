using System.Reflection;

namespace IsuBench.Bench.Processes;

/// <summary>
/// How to start this same isubench again: its own executable (an apphost, a tool's shim), or <c>dotnet</c> with its isubench.dll.
/// </summary>
/// <param name="FileName">The program to start.</param>
/// <param name="LeadingArguments">What comes before isubench's own arguments: the assembly, when the program is the .NET host.</param>
internal sealed record BenchExecutable(string FileName, IReadOnlyList<string> LeadingArguments)
{
    /// <summary>The executable of the process running now.</summary>
    public static BenchExecutable Current() => Of(Environment.ProcessPath, Assembly.GetEntryAssembly()?.Location);

    /// <summary>
    /// From the path of the running process and its entry assembly: when they are different programs (<c>dotnet isubench.dll</c>),
    /// the host again with the assembly; else the process's own file (an apphost, or a single file whose assembly has no path).
    /// </summary>
    public static BenchExecutable Of(string? processPath, string? entryAssembly)
    {
        if (string.IsNullOrEmpty(processPath))
            throw new InvalidOperationException("the path of this process's executable is not known; it cannot start itself again");
        bool hosted = !string.IsNullOrEmpty(entryAssembly)
            && entryAssembly.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(
                Path.GetFileNameWithoutExtension(processPath), Path.GetFileNameWithoutExtension(entryAssembly), StringComparison.Ordinal);
        return hosted ? new BenchExecutable(processPath, [entryAssembly!]) : new BenchExecutable(processPath, []);
    }
}
