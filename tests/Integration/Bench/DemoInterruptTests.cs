using System.Net.Sockets;
using IsuBench.Bench.Commands;
using IsuBench.Bench.LocalStack;
using IsuBench.Bench.Reports;

namespace IsuBench.Integration.Bench;

/// <summary><c>isubench demo</c> interrupted (Ctrl+C) while its benchmark runs.</summary>
public sealed class DemoInterruptTests : IDisposable
{
    private readonly DemoFolder _folder = new();

    [Fact]
    public async Task Demo_stops_the_database_and_the_reference_when_interrupted()
    {
        using var stop = new CancellationTokenSource();
        var text = new StringWriter();
        var output = TextWriter.Synchronized(text);
        string Printed() { lock (output) return text.ToString(); }
        var errorText = new StringWriter();
        var error = TextWriter.Synchronized(errorText);
        string Progress() { lock (error) return errorText.ToString(); }
        var demo = Task.Run(() => BenchCommandLine.RunAsync(
            ["demo", "--dir", _folder.Db, "--rooms", "150", "--duration", "600", "--out", Path.Combine(_folder.Path, "r")],
            output, error, stop.Token));
        var deadline = DateTime.UtcNow.AddSeconds(120);
        // Plain progress lines on stderr show that the benchmark itself is running.
        while (!DemoOutput.ListensOn().IsMatch(Printed()) || !Progress().Contains("] score "))
        {
            if (demo.IsCompleted) Assert.Fail($"demo ended early with exit code {await demo}:\n{Printed()}");
            if (DateTime.UtcNow > deadline) Assert.Fail("demo did not start its benchmark within 120 s");
            await Task.Delay(100);
        }
        var port = new Uri(DemoOutput.ListensOn().Match(Printed()).Groups[1].Value).Port;
        Assert.NotNull(PrivateMariaDb.RunningPid(_folder.Db));

        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Interrupted, await demo.WaitAsync(TimeSpan.FromSeconds(120)));
        // What ran is still reported, marked as interrupted (and so not a pass).
        var result = ResultJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(_folder.Path, "r", "result.json")));
        Assert.True(result.Interrupted);
        Assert.False(result.Pass);
        Assert.Null(PrivateMariaDb.RunningPid(_folder.Db));
        using var probe = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync("127.0.0.1", port));
    }

    public void Dispose() => _folder.Dispose();
}
