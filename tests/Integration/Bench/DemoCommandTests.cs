using System.Net.Sockets;
using IsuBench.Bench.Commands;
using IsuBench.Bench.LocalStack;
using IsuBench.Bench.Reports;

namespace IsuBench.Integration.Bench;

/// <summary>
/// <c>isubench demo</c> killed outright, then a whole demo of two runs on the same folder. The demo's other tests are classes of
/// their own (DemoInterruptTests, DemoOwnershipTests), so that xunit runs them beside this long one.
/// </summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly DemoFolder _folder = new();

    [Fact]
    public async Task A_demo_killed_outright_leaves_no_server_behind_and_the_next_demo_stops_its_database_then_runs_twice_and_stops_both()
    {
        var db = _folder.Db;
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "isubench.dll"), "demo", "--dir", db, "--rooms", "150", "--duration", "600",
                     "--out", Path.Combine(_folder.Path, "killed"), "--no-progress",
                 })
            start.ArgumentList.Add(arg);
        using var demo = System.Diagnostics.Process.Start(start)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        demo.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && DemoOutput.ListensOn().Match(line) is { Success: true } match) listening.TrySetResult(new Uri(match.Groups[1].Value));
        };
        demo.ErrorDataReceived += (_, _) => { };
        demo.BeginOutputReadLine();
        demo.BeginErrorReadLine();
        var server = await listening.Task.WaitAsync(TimeSpan.FromSeconds(120));
        var database = PrivateMariaDb.RunningPid(db);
        Assert.NotNull(database);

        demo.Kill(); // SIGKILL: no handler of the demo runs
        await demo.WaitForExitAsync();

        // The reference server sees its stdin close and stops by itself; MariaDB cannot know and is still there.
        await WaitUntilRefusedAsync(server.Port, TimeSpan.FromSeconds(30));
        Assert.Equal(database, PrivateMariaDb.RunningPid(db));

        // The next demo, a whole one (two runs), stops that MariaDB first: one demo serves both tests' assertions, as a
        // demo costs a database, a data set and a reference of its own.
        var outDir = Path.Combine(_folder.Path, "results");
        var (exitCode, output, error) = await BenchCommandRunner.RunAsync(
            "demo", "--dir", db, "--rooms", "150", "--duration", "3", "--out", outDir, "--no-progress", "--repeat", "2");

        Assert.True(exitCode == ExitCodes.Pass, $"exit {exitCode}\n{output}\n{error}");
        Assert.Contains($"stopping MariaDB (pid {database}) left running in {db} by a demo that was killed (pid {demo.Id})", error);
        Assert.False(ProcessLiveness.IsAlive(database.Value));
        Assert.Null(PrivateMariaDb.RunningPid(db));
        await AssertRanTwiceReportedAndStoppedAsync(output, error, outDir);
    }

    /// <summary>
    /// What a whole demo of two runs must show: database, data and reference brought up, the benchmark run twice (the second
    /// on fresh data and a restarted server), the report printed and its files written, and both stopped at the end.
    /// </summary>
    private async Task AssertRanTwiceReportedAndStoppedAsync(string output, string error, string outDir)
    {
        Assert.Matches(DemoOutput.MariaDbLine(), output);
        var listening = DemoOutput.ListensOn().Match(output);
        Assert.True(listening.Success, output);
        Assert.Contains("data set loaded", output);
        Assert.Contains("PASS  score", output);
        Assert.Contains($"report: {Path.Combine(outDir, "report.html")}", output);

        // Two runs, the second on fresh data and a restarted server.
        Assert.Contains("run 2/2: resetting the target", error);
        Assert.Matches(@"reference server restarted \(pid \d+\)", error);
        Assert.True(File.Exists(Path.Combine(outDir, "run-1", "result.json")) && File.Exists(Path.Combine(outDir, "run-2", "result.json")));
        var result = ResultJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(outDir, "result.json")));
        Assert.Equal(2, result.Repeat!.Runs.Count);
        Assert.All(result.Repeat.Runs, run => Assert.True(run.Pass && run.Score > 0));
        Assert.True(result.Pass);
        Assert.True(result.LoadRan);
        Assert.True(result.Score > 0);
        Assert.Equal([listening.Groups[1].Value.TrimEnd('/')], result.Target);
        // What the server spent per request in each run, read through the pid files the demo keeps (a new reference process each run).
        foreach (var run in new[] { "run-1", "run-2" })
        {
            var cost = ResultJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(outDir, run, "result.json"))).Cost!;
            Assert.Equal(["process isuketch", "process mariadb", "isubench"], cost.Sources.Select(s => s.Name));
            Assert.All(cost.Sources, s => Assert.True(s.CpuMsPerRequest > 0, $"{run}, {s.Name}: {s.Missing}"));
        }
        foreach (var file in new[] { "summary.md", "report.html", "junit.xml" })
            Assert.True(File.Exists(Path.Combine(outDir, file)), file);

        // Everything it started is gone.
        Assert.Null(PrivateMariaDb.RunningPid(_folder.Db));
        using var probe = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync("127.0.0.1", new Uri(listening.Groups[1].Value).Port));
    }

    private static async Task WaitUntilRefusedAsync(int port, TimeSpan guard)
    {
        var deadline = DateTime.UtcNow + guard;
        while (true)
        {
            using var probe = new TcpClient();
            try { await probe.ConnectAsync("127.0.0.1", port); }
            catch (SocketException) { return; }
            if (DateTime.UtcNow > deadline) Assert.Fail($"the reference server on port {port} still answers {guard.TotalSeconds:0} s after the demo was killed");
            await Task.Delay(200);
        }
    }

    public void Dispose() => _folder.Dispose();
}
