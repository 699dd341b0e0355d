using IsuBench.Bench.Commands;
using IsuBench.Bench.LocalStack;
using MySqlConnector;

namespace IsuBench.Integration.Bench;

/// <summary>
/// <c>isubench db start</c> as a process of its own: the server it starts is detached. A class apart from DbCommandTests so
/// that xunit runs the two side by side.
/// </summary>
public sealed class DbDetachedServerTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"isubench-db-command-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_server_from_the_isubench_process_outlives_it_and_holds_none_of_its_pipes()
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "isubench.dll"), "db", "start", "--dir", _directory, "--port", "0" })
            start.ArgumentList.Add(arg);
        using var isubench = System.Diagnostics.Process.Start(start)!;
        // Reading to the end only finishes when every holder of the pipe (a server that inherited it, too) has closed it.
        var output = await isubench.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await isubench.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ExitCodes.Pass, isubench.ExitCode);
        Assert.NotNull(PrivateMariaDb.RunningPid(_directory));
        await using var connection = new MySqlConnection(output.Trim().Split('\n')[^1]);
        await connection.OpenAsync();
    }

    public void Dispose()
    {
        if (PrivateMariaDb.RunningPid(_directory) is { } pid)
            System.Diagnostics.Process.GetProcessById(pid).Kill();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
