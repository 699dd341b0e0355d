using System.Net.Sockets;
using System.Text.RegularExpressions;
using IsuBench.Bench.Commands;
using IsuBench.Bench.LocalStack;
using MySqlConnector;

namespace IsuBench.Integration.Bench;

public sealed partial class DemoCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"isubench-demo-{Guid.NewGuid():N}");

    [Fact]
    public async Task Demo_brings_up_database_data_and_reference_then_stops_both_on_cancel()
    {
        var text = new StringWriter();
        var output = TextWriter.Synchronized(text);
        // The synchronized writer locks on itself; read under the same lock.
        string Printed() { lock (output) return text.ToString(); }
        using var stop = new CancellationTokenSource();
        var demo = Task.Run(() => BenchCommandLine.RunAsync(
            ["demo", "--dir", _directory, "--rooms", "2"], output, TextWriter.Null, stop.Token));
        try
        {
            await Demo_is_up_then_stops_on_cancel(demo, Printed, stop);
        }
        finally
        {
            await stop.CancelAsync();
            await demo.WaitAsync(TimeSpan.FromSeconds(60));
        }
    }

    private async Task Demo_is_up_then_stops_on_cancel(Task<int> demo, Func<string> printed, CancellationTokenSource stop)
    {
        var listening = await WaitForAsync(() => ListensOn().Match(printed()), demo);
        var baseAddress = new Uri(listening.Groups[1].Value);
        var mysql = MariaDbLine().Match(printed()).Groups[1].Value;

        using (var client = new HttpClient())
        {
            // The reference serves the loaded data: both rooms have strokes, so both are listed.
            using var response = await client.GetAsync(new Uri(baseAddress, "/api/rooms"));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var ids = body.RootElement.GetProperty("rooms").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).Order();
            Assert.Equal([1L, 2L], ids);
        }
        await using (var connection = new MySqlConnection(mysql))
        {
            await connection.OpenAsync();
            await using var command = new MySqlCommand("SELECT COUNT(*) FROM rooms", connection);
            Assert.Equal(2L, Convert.ToInt64(await command.ExecuteScalarAsync()));
        }
        var pid = PrivateMariaDb.RunningPid(_directory);
        Assert.NotNull(pid);

        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Pass, await demo.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Null(PrivateMariaDb.RunningPid(_directory));
        using var probe = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync("127.0.0.1", baseAddress.Port));
    }

    private static async Task<Match> WaitForAsync(Func<Match> probe, Task<int> demo)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var match = probe();
            if (match.Success) return match;
            if (demo.IsCompleted) Assert.Fail($"demo ended early with exit code {await demo}");
            if (DateTime.UtcNow > deadline) Assert.Fail("demo did not report where the reference listens within 120 s");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"reference server listens on (\S+)")]
    private static partial Regex ListensOn();

    [GeneratedRegex(@"MariaDB: ([^\r\n]+)")]
    private static partial Regex MariaDbLine();

    public void Dispose()
    {
        if (PrivateMariaDb.RunningPid(_directory) is { } pid)
            System.Diagnostics.Process.GetProcessById(pid).Kill();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
