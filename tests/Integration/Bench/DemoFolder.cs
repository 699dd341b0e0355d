using IsuBench.Bench.LocalStack;

namespace IsuBench.Integration.Bench;

/// <summary>
/// A demo test's temporary folder, its MariaDB in db/; disposing it kills a MariaDB that a failed test left running there
/// and deletes the folder.
/// </summary>
internal sealed class DemoFolder : IDisposable
{
    /// <summary>The folder.</summary>
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"isubench-demo-{Guid.NewGuid():N}");

    /// <summary>The demo's --dir: its MariaDB's folder.</summary>
    public string Db => System.IO.Path.Combine(Path, "db");

    /// <inheritdoc />
    public void Dispose()
    {
        if (PrivateMariaDb.RunningPid(Db) is { } pid)
            System.Diagnostics.Process.GetProcessById(pid).Kill();
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
