using IsuBench.Bench.LocalStack;
using MySqlConnector;

namespace IsuBench.Integration.Infrastructure;

/// <summary>
/// One private MariaDB for the whole test run, started on first use and stopped when the test process ends.
/// Each test class asks for a database of its own, so classes can run in parallel without seeing each other's rows.
/// </summary>
public static class SharedMariaDb
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PrivateMariaDb? _server;

    /// <summary>The running server (started on first call).</summary>
    public static async Task<PrivateMariaDb> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_server is not null) return _server;
            RemoveFoldersOfEndedRuns();
            var directory = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}");
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
            _server = await PrivateMariaDb.StartAsync(directory, port: 0, CancellationToken.None);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                _server.Kill();
                TryDelete(directory);
            };
            return _server;
        }
        finally
        {
            Gate.Release();
        }
    }

    private const string FolderPrefix = "isubench-test-db-";

    /// <summary>
    /// A test host can be ended before its exit handler deletes its folder (over 100 MB each), so every run
    /// also removes the folders of runs whose process is gone.
    /// </summary>
    private static void RemoveFoldersOfEndedRuns()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            if (!int.TryParse(Path.GetFileName(folder)[FolderPrefix.Length..], out var pid) || IsRunning(pid)) continue;
            TryDelete(folder);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>Creates an empty database named <paramref name="name"/> (dropping an old one) and returns a connection string to it.</summary>
    public static async Task<string> CreateDatabaseAsync(string name)
    {
        var server = await GetAsync();
        await using (var connection = new MySqlConnection(server.RootConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                DROP DATABASE IF EXISTS `{name}`;
                CREATE DATABASE `{name}` DEFAULT CHARACTER SET utf8mb4;
                GRANT ALL ON `{name}`.* TO '{PrivateMariaDb.User}'@'127.0.0.1';
                """;
            await command.ExecuteNonQueryAsync();
        }
        return new MySqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
    }
}
