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
            var directory = Path.Combine(Path.GetTempPath(), $"isubench-test-db-{Environment.ProcessId}");
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
            _server = await PrivateMariaDb.StartAsync(directory, port: 0, CancellationToken.None);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                _server.Kill();
                try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
            };
            return _server;
        }
        finally
        {
            Gate.Release();
        }
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
