using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using IsuBench.Bench.LocalStack;
using Xunit.Abstractions;

namespace IsuBench.Integration.Reliability;

/// <summary>
/// The reference as a child process on a MariaDB of its own, which is stopped for a few seconds and started again on
/// the same folder and port while strokes are posted without pause: meanwhile every answer is a JSON 5xx that comes
/// back promptly, afterwards the same server process recovers, and every stroke it acknowledged is still served.
/// One class per fault: each test has a MariaDB and a server of its own, so xunit runs the faults side by side.
/// </summary>
public abstract class DatabaseFaultTests(string fault, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Posters = 3;

    /// <summary>Longer than any answer may take: a request still open after this counts as a hang.</summary>
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(4);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"isubench-fault-{Guid.NewGuid():N}");
    private PrivateMariaDb? _database;
    private ReferenceServerProcess? _server;

    /// <summary>One answer to a stroke POST.</summary>
    private sealed record Attempt(int Poster, int Sequence, DateTime SentAt, TimeSpan Took, int Status, string ContentType, string Body, string? Transport)
    {
        public double MarkerX => Poster * 100_000 + Sequence;
    }

    /// <inheritdoc />
    public async Task InitializeAsync() =>
        _database = await PrivateMariaDb.StartAsync(_directory, port: 0, CancellationToken.None);

    [Theory]
    [InlineData("baseline")]
    [InlineData("tuned")]
    public async Task Through_a_database_stop_crash_or_freeze_the_server_answers_json_5xx_or_waits_recovers_and_loses_no_acknowledged_stroke(string profile)
    {
        _server = await ReferenceServerProcess.StartAsync(_database!.ConnectionString, port: 0,
            Path.Combine(_directory, "isuketch.log"), "/api/rooms", TimeSpan.FromSeconds(60), CancellationToken.None, profile);
        using var http = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = ClientTimeout };
        var token = await CreateTokenAsync(http);
        var roomId = await CreateRoomAsync(http, token);
        var serverPid = _server.ProcessId;

        var attempts = new ConcurrentBag<Attempt>();
        var outageStarted = DateTime.MaxValue;
        var outageEnded = DateTime.MaxValue;
        using var stop = new CancellationTokenSource();
        var posters = Enumerable.Range(1, Posters).Select(poster => Task.Run(async () =>
        {
            for (var sequence = 0; !stop.IsCancellationRequested; sequence++)
            {
                attempts.Add(await PostStrokeAsync(http, token, roomId, poster, sequence));
                await Task.Delay(20);
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        outageStarted = DateTime.UtcNow;
        await InjectFaultAsync(fault);
        outageEnded = DateTime.UtcNow;

        // Keep posting until the server has recovered (a few acknowledged strokes after the restart), bounded.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (attempts.Count(a => a.SentAt > outageEnded && a.Status == 200) < 3 * Posters && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        await stop.CancelAsync();
        await Task.WhenAll(posters);

        var all = attempts.OrderBy(a => a.SentAt).ToList();
        var during = all.Where(a => a.SentAt > outageStarted && a.SentAt < outageEnded).ToList();
        var acknowledged = all.Where(a => a.Status == 200).ToList();
        output.WriteLine($"{all.Count} posts: {acknowledged.Count} acknowledged; {during.Count} during the outage, of which " +
            string.Join(", ", during.GroupBy(a => a.Transport ?? a.Status.ToString()).Select(g => $"{g.Count()} x {g.Key}")));
        output.WriteLine($"slowest answer {all.Max(a => a.Took).TotalMilliseconds:F0} ms");
        foreach (var failure in all.Where(a => a.Status != 200).Take(3)) output.WriteLine($"e.g. {failure.Status} {failure.ContentType} {failure.Body}");

        // The process never died: it is the same one, and no request went unanswered or hung.
        Assert.True(Directory.Exists($"/proc/{serverPid}") && !ProcessHasExited(serverPid), "the reference server process exited");
        Assert.All(all, a => Assert.True(a.Transport is null, $"post {a.Poster}/{a.Sequence} got no HTTP answer: {a.Transport}"));
        // Meanwhile: JSON 5xx, never a 4xx blaming the client.
        // A frozen database only delays answers; a stopped one must be reported.
        if (fault != "freeze") Assert.Contains(during, a => a.Status >= 500);
        Assert.All(all.Where(a => a.Status != 200), a =>
        {
            Assert.InRange(a.Status, 500, 599);
            Assert.StartsWith("application/json", a.ContentType);
            using var error = JsonDocument.Parse(a.Body);
            Assert.False(string.IsNullOrWhiteSpace(error.RootElement.GetProperty("error").GetString()));
        });
        // Recovered without a restart.
        Assert.True(acknowledged.Count(a => a.SentAt > outageEnded) >= 3 * Posters, "the server did not recover after the database came back");

        // Nothing acknowledged is lost: each 200's stroke is served, with its marker point.
        using var room = JsonDocument.Parse(await http.GetStringAsync($"/api/rooms/{roomId}"));
        var strokes = room.RootElement.GetProperty("room").GetProperty("strokes").EnumerateArray().ToList();
        // And nothing half-written: a stroke is stored whole (both of its points) or not at all.
        Assert.All(strokes, s => Assert.Equal(2, s.GetProperty("points").GetArrayLength()));
        var served = strokes.ToDictionary(s => s.GetProperty("id").GetInt64(), s => s.GetProperty("points")[0].GetProperty("x").GetDouble());
        foreach (var attempt in acknowledged)
        {
            using var body = JsonDocument.Parse(attempt.Body);
            var id = body.RootElement.GetProperty("stroke").GetProperty("id").GetInt64();
            Assert.True(served.TryGetValue(id, out var x), $"acknowledged stroke {id} (post {attempt.Poster}/{attempt.Sequence}) is not served");
            Assert.Equal(attempt.MarkerX, x);
        }
    }

    /// <summary>
    /// stop: SIGTERM, a clean shutdown; kill: SIGKILL, InnoDB recovers on start; both restarted on the same folder and
    /// port after <see cref="Outage"/>. freeze: SIGSTOP for as long, then SIGCONT (a stalled database, connections kept).
    /// </summary>
    private async Task InjectFaultAsync(string fault)
    {
        var port = _database!.Port;
        if (fault == "freeze")
        {
            var pid = PrivateMariaDb.RunningPid(_directory) ?? throw new InvalidOperationException("MariaDB is not running");
            await SignalAsync("-STOP", pid);
            await Task.Delay(Outage);
            await SignalAsync("-CONT", pid);
            return;
        }
        if (fault == "kill") _database.Kill();
        else await _database.StopAsync();
        await _database.DisposeAsync();
        await Task.Delay(Outage);
        _database = await PrivateMariaDb.StartAsync(_directory, port, CancellationToken.None);
    }

    private static async Task SignalAsync(string signal, int pid)
    {
        using var kill = Process.Start("kill", [signal, pid.ToString()]) ?? throw new InvalidOperationException("cannot run kill");
        await kill.WaitForExitAsync();
    }

    private static async Task<Attempt> PostStrokeAsync(HttpClient http, string token, long roomId, int poster, int sequence)
    {
        var marker = poster * 100_000 + sequence;
        var json = $$"""{"width":3,"red":10,"green":20,"blue":30,"alpha":0.5,"points":[{"x":{{marker}},"y":1},{"x":2,"y":2}]}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/strokes/rooms/{roomId}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-csrf-token", token);
        var sentAt = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return new Attempt(poster, sequence, sentAt, watch.Elapsed, (int)response.StatusCode,
                response.Content.Headers.ContentType?.ToString() ?? "", body, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new Attempt(poster, sequence, sentAt, watch.Elapsed, 0, "", "", $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static async Task<string> CreateTokenAsync(HttpClient http)
    {
        using var response = await http.PostAsync("/api/csrf_token", null);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("token").GetString()!;
    }

    private static async Task<long> CreateRoomAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rooms")
        {
            Content = new StringContent("""{"name":"fault","canvas_width":100,"canvas_height":100}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-csrf-token", token);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("room").GetProperty("id").GetInt64();
    }

    private static bool ProcessHasExited(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/stat").Split(") ", 2) is [_, var rest] && rest.StartsWith('Z'); }
        catch (IOException) { return true; }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>The database stopped cleanly (SIGTERM) and started again.</summary>
public sealed class DatabaseStopTests(ITestOutputHelper output) : DatabaseFaultTests("stop", output);

/// <summary>The database killed (SIGKILL), as a crash, and started again.</summary>
public sealed class DatabaseKillTests(ITestOutputHelper output) : DatabaseFaultTests("kill", output);

/// <summary>The database frozen (SIGSTOP) and thawed, its connections kept.</summary>
public sealed class DatabaseFreezeTests(ITestOutputHelper output) : DatabaseFaultTests("freeze", output);
