using IsuBench.Bench.Commands;
using IsuBench.Bench.LocalStack;

namespace IsuBench.Integration.Bench;

/// <summary><c>isubench demo</c> on a folder whose MariaDB belongs to a demo that still runs.</summary>
public sealed class DemoOwnershipTests : IDisposable
{
    private readonly DemoFolder _folder = new();

    [Fact]
    public async Task A_demo_does_not_touch_a_database_whose_demo_still_runs()
    {
        var db = _folder.Db;
        await using var running = await PrivateMariaDb.StartAsync(db, 0, CancellationToken.None);
        StackOwner.Claim(db); // this test process stands for the demo that owns it

        var (exitCode, _, error) = await BenchCommandRunner.RunAsync("demo", "--dir", db, "--rooms", "150", "--duration", "3", "--no-progress");

        Assert.Equal(ExitCodes.EnvironmentMissing, exitCode);
        Assert.Contains($"another demo (pid {Environment.ProcessId}) is running on {db}", error);
        Assert.NotNull(PrivateMariaDb.RunningPid(db));
    }

    public void Dispose() => _folder.Dispose();
}
