namespace IsuBench.Tests.Shared;

/// <summary>The clone the tests run from: the folder above the test binaries that holds IsuBench.sln.</summary>
internal static class RepositoryRoot
{
    /// <summary>The repository's root folder.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "IsuBench.sln"))) return dir.FullName;
        throw new InvalidOperationException("IsuBench.sln not found above the test binaries");
    }
}
