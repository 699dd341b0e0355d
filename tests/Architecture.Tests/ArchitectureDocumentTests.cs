using System.Reflection;
using System.Text.RegularExpressions;
using IsuBench.Tests.Shared;

namespace IsuBench.Tests.Architecture;

/// <summary>Everything docs/ARCHITECTURE.md names in code spans (types, members, folders, namespaces, files) exists, so the map cannot drift.</summary>
public sealed partial class ArchitectureDocumentTests
{
    // Framework types the document explains our choices against; looked up in the assemblies that define them.
    private static readonly Assembly[] Framework =
    [
        typeof(HttpClient).Assembly, typeof(System.Net.Security.SslStream).Assembly,
        typeof(System.Net.ServerSentEvents.SseParser).Assembly, typeof(object).Assembly,
    ];

    public static TheoryData<string> Names() => new(CodeNames());

    private static IEnumerable<string> CodeNames() => Spans(File.ReadAllText(LayerMap.DocumentPath)).Where(IsCodeName).Distinct();

    [Theory]
    [MemberData(nameof(Names))]
    public void A_name_the_map_uses_exists(string name)
    {
        var problem = Check(name);
        Assert.True(problem is null, $"docs/ARCHITECTURE.md names `{name}`: {problem}");
    }

    [Theory]
    [InlineData("Engine/Http/NoSuchType")]
    [InlineData("Judge.NoSuchMember")]
    [InlineData("NoSuchType")]
    [InlineData("IsuBench.NoSuchNamespace")]
    [InlineData("Workloads/LoadRequests.NoSuchMember")]
    public void A_name_that_does_not_exist_is_found(string name)
    {
        Assert.True(IsCodeName(name));
        Assert.NotNull(Check(name));
    }

    [Fact]
    public void The_map_names_code_at_all()
    {
        // Guards the reading itself: a document whose spans stopped being recognised would pass the theory vacuously.
        Assert.True(CodeNames().Count() > 50);
    }

    /// <summary>The text of every code span.</summary>
    private static IEnumerable<string> Spans(string markdown) => Span().Matches(markdown).Select(match => match.Groups[1].Value);

    /// <summary>Names of code: a namespace, a PascalCase type (with a member), or a repository path; not flags, URLs or words.</summary>
    private static bool IsCodeName(string span) =>
        span.StartsWith("IsuBench", StringComparison.Ordinal) || TypeName().IsMatch(span) || RepositoryPath().IsMatch(span);

    /// <summary>Null when <paramref name="name"/> exists, otherwise what is missing.</summary>
    private static string? Check(string name)
    {
        if (name.StartsWith("IsuBench", StringComparison.Ordinal) && !name.Contains('/'))
        {
            return CodeTypes.Namespaces.Any(ns => ns == name || ns.StartsWith(name + ".", StringComparison.Ordinal))
                || CodeTypes.All.Any(type => type.FullName == name) ? null : "no such namespace";
        }
        if (name.Contains('/')) return CheckPath(name.TrimEnd('/'));
        var (typeName, member) = Split(name);
        if (FolderOfSources(typeName) is not null && member is null) return null;
        var types = CodeTypes.All.Concat(Framework.SelectMany(assembly => assembly.GetExportedTypes()))
            .Where(type => type.Name == typeName || type.Name.StartsWith(typeName + "`", StringComparison.Ordinal)).ToList();
        if (types.Count == 0) return "no such type or source folder";
        return member is null || types.Any(type => HasMember(type, member)) ? null : $"{typeName} has no member {member}";
    }

    private static string? CheckPath(string path)
    {
        if (File.Exists(Path.Combine(RepositoryRoot.Path, path)) || Directory.Exists(Path.Combine(RepositoryRoot.Path, path))) return null;
        // A path inside a source project: "Engine/Http/Session" is src/Engine/Http/Session.cs, "Judging/Judge.Response" a member of it.
        var lastSlash = path.LastIndexOf('/');
        var (file, member) = Split(path[(lastSlash + 1)..]);
        var relative = path[..(lastSlash + 1)] + file;
        foreach (var root in new[] { "src", "src/Scenarios", "src/Engine", "src/Bench", "src/Checks" })
        {
            var folder = Path.Combine(RepositoryRoot.Path, root, relative);
            if (member is null && Directory.Exists(folder)) return null;
            var source = folder + ".cs";
            if (!File.Exists(source)) continue;
            return member is null || Regex.IsMatch(File.ReadAllText(source), $@"\b{Regex.Escape(member)}\b") ? null : $"{source} has no {member}";
        }
        return "no such file or folder in the repository or a source project";
    }

    private static string? FolderOfSources(string name) =>
        Directory.EnumerateDirectories(Path.Combine(RepositoryRoot.Path, "src"), name, SearchOption.AllDirectories)
            .FirstOrDefault(folder => !folder.Contains("/bin/", StringComparison.Ordinal) && !folder.Contains("/obj/", StringComparison.Ordinal));

    private static (string Name, string? Member) Split(string name)
    {
        int dot = name.IndexOf('.');
        return dot < 0 ? (name, null) : (name[..dot], name[(dot + 1)..]);
    }

    private static bool HasMember(Type type, string member) =>
        type.GetMember(member, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static).Length > 0;

    [GeneratedRegex("`([^`\n]+)`")]
    private static partial Regex Span();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*(\.[A-Z][A-Za-z0-9]*)?$")]
    private static partial Regex TypeName();

    [GeneratedRegex(@"^[A-Za-z][\w.-]*(/[\w.-]+)+/?$|^[A-Z][A-Za-z]+/$")]
    private static partial Regex RepositoryPath();
}
