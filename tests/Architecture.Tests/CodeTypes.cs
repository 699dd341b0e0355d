using System.Reflection;

namespace IsuBench.Tests.Architecture;

/// <summary>The assemblies of the harness and the reference, and their types, as the architecture tests see them.</summary>
internal static class CodeTypes
{
    /// <summary>Data, Checks, Engine, Scenarios, Bench and Reference, each loaded once.</summary>
    public static IReadOnlyList<Assembly> Assemblies { get; } =
    [
        Assembly.Load("IsuBench.Data"),
        Assembly.Load("IsuBench.Checks"),
        Assembly.Load("IsuBench.Engine"),
        Assembly.Load("IsuBench.Scenarios"),
        Assembly.Load("isubench"),
        Assembly.Load("isuketch"),
    ];

    /// <summary>Every type the compiler emitted from our sources (compiler-generated ones left out), nested ones included.</summary>
    public static IReadOnlyList<Type> All { get; } = Assemblies
        .SelectMany(assembly => assembly.GetTypes())
        .Where(type => type.Namespace?.StartsWith("IsuBench.", StringComparison.Ordinal) == true)
        .Where(type => !type.Name.Contains('<') && !type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false))
        .ToList();

    /// <summary>Every namespace that holds a type.</summary>
    public static IReadOnlyList<string> Namespaces { get; } = All.Select(type => type.Namespace!).Distinct().Order(StringComparer.Ordinal).ToList();
}
