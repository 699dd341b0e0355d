using IsuBench.Bench.Commands;
using IsuBench.Bench.LocalStack;
using MySqlConnector;

namespace IsuBench.Integration.Bench;

/// <summary><c>isubench db start</c> and <c>db stop</c> in process.</summary>
public sealed class DbCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"isubench-db-command-{Guid.NewGuid():N}");

    [Fact]
    public async Task Db_start_leaves_a_detached_server_that_db_stop_ends()
    {
        var output = new StringWriter();
        var exitCode = await BenchCommandLine.RunAsync(["db", "start", "--dir", _directory, "--port", "0"], output, TextWriter.Null);

        Assert.Equal(ExitCodes.Pass, exitCode);
        var pid = PrivateMariaDb.RunningPid(_directory);
        Assert.NotNull(pid);
        // Its own session: a Ctrl+C or hang-up in the terminal that ran db start does not reach it.
        var stat = await File.ReadAllTextAsync($"/proc/{pid}/stat");
        var session = int.Parse(stat.Split(") ", 2)[1].Split(' ')[3]);
        Assert.Equal(pid, session);

        var connectionString = output.ToString().Trim().Split('\n')[^1];
        await using (var connection = new MySqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new MySqlCommand("SELECT DATABASE()", connection);
            Assert.Equal(PrivateMariaDb.Database, await command.ExecuteScalarAsync());
        }

        var again = new StringWriter();
        Assert.Equal(ExitCodes.Pass, await BenchCommandLine.RunAsync(["db", "start", "--dir", _directory], again, TextWriter.Null));
        Assert.Contains("already runs", again.ToString());
        Assert.Equal(pid, PrivateMariaDb.RunningPid(_directory));

        var stopped = new StringWriter();
        Assert.Equal(ExitCodes.Pass, await BenchCommandLine.RunAsync(["db", "stop", "--dir", _directory], stopped, TextWriter.Null));
        Assert.Contains("stopped", stopped.ToString());
        Assert.Null(PrivateMariaDb.RunningPid(_directory));
    }

    public void Dispose()
    {
        if (PrivateMariaDb.RunningPid(_directory) is { } pid)
            System.Diagnostics.Process.GetProcessById(pid).Kill();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
