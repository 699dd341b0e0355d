using System.Net.Sockets;
using System.Runtime;
using System.Text;
using System.Text.Json;
using IsuBench.Integration.Reference;
using IsuBench.Reference.Hosting;
using Xunit.Abstractions;

namespace IsuBench.Integration.Reliability;

/// <summary>
/// Thousands of SSE watchers connect and then drop abruptly (a TCP reset, no goodbye): the server must let go of
/// everything they held (managed heap and sockets back near their baseline) and stop counting them after 3 s.
/// </summary>
public abstract class SseChurnTests(SseChurnTests.Fixture server, ITestOutputHelper output)
{
    private const int Watchers = 2_500;
    private const int Wave = 250;
    private const int Tokens = 50;

    /// <summary>Generous (the measured growth is a few hundred KB at most), yet a leak of 4 KB per watcher would exceed it.</summary>
    private const long AllowedHeapGrowthBytes = 10 * 1024 * 1024;

    /// <summary>Sockets the process may hold above its baseline afterwards (pooled database connections and the like).</summary>
    private const int AllowedExtraDescriptors = 64;

    /// <summary>A room with a stroke and a pool of valid tokens.</summary>
    public abstract class Fixture(string profile) : ReferenceServer(profile)
    {
        /// <summary>Valid tokens, shared round-robin by the watchers.</summary>
        public List<string> TokenPool { get; } = [];

        /// <summary>The watched room.</summary>
        public long RoomId { get; private set; }

        /// <inheritdoc />
        protected override async Task SeedAsync()
        {
            for (var i = 0; i < Tokens; i++)
            {
                using var response = await Api.Http.PostAsync("/api/csrf_token", null);
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                TokenPool.Add(body.RootElement.GetProperty("token").GetString()!);
            }
            RoomId = await PostAsync("/api/rooms", """{"name":"churn","canvas_width":100,"canvas_height":100}""", "room");
            await PostAsync($"/api/strokes/rooms/{RoomId}", """{"width":5,"red":1,"green":2,"blue":3,"alpha":0.5,"points":[{"x":1,"y":1}]}""", "stroke");
        }

        private async Task<long> PostAsync(string path, string json, string property)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.Add("x-csrf-token", TokenPool[0]);
            using var response = await Api.Http.SendAsync(request);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.GetProperty(property).GetProperty("id").GetInt64();
        }
    }

    [Fact]
    public async Task Thousands_of_watchers_dropping_abruptly_leave_no_memory_behind_and_stop_counting_after_3_s()
    {
        // Warm up first (JIT, pools, the database's connections), so the baseline is the server at rest, not cold.
        await ChurnAsync(Wave, 0);
        await WaitUntilNobodyWatchesAsync();
        var heapBefore = SettledHeap();
        var descriptorsBefore = OpenDescriptors();

        var highest = 0;
        long heapWhileOpen = 0;
        for (var start = 0; start < Watchers; start += Wave)
            highest = Math.Max(highest, await ChurnAsync(Wave, start, whileOpen: start == 0 ? () => heapWhileOpen = SettledHeap() : null));
        var countRightAfter = await WatcherCountAsync();

        // Everyone left by reset: within 3 s of their last heartbeat they no longer count.
        var settled = await WaitUntilNobodyWatchesAsync();
        var heapAfter = SettledHeap();
        var descriptorsAfter = OpenDescriptors();
        output.WriteLine($"{Watchers} watchers; highest watcher_count seen {highest}, right after {countRightAfter}, 0 after {settled.TotalSeconds:F1} s");
        output.WriteLine($"heap {heapBefore / 1024} KB, {heapWhileOpen / 1024} KB with {Wave} open, {heapAfter / 1024} KB after; descriptors {descriptorsBefore} -> {descriptorsAfter}");

        Assert.True(highest > 1, "watchers of a wave should have seen each other");
        Assert.True(countRightAfter > 0, "the last wave's heartbeats are under 3 s old and should still count");
        // The measure sees watchers: a wave of open streams weighs more than all of them gone.
        Assert.True(heapWhileOpen - heapBefore > heapAfter - heapBefore, "the heap measure did not see the open watchers");
        Assert.True(heapAfter - heapBefore < AllowedHeapGrowthBytes,
            $"managed heap grew by {(heapAfter - heapBefore) / 1024} KB after {Watchers} watchers left");
        Assert.True(descriptorsAfter - descriptorsBefore < AllowedExtraDescriptors,
            $"{descriptorsAfter - descriptorsBefore} more open descriptors after {Watchers} watchers left");
        using var list = await server.Api.Http.GetAsync("/api/rooms");
        Assert.Equal(System.Net.HttpStatusCode.OK, list.StatusCode);
    }

    /// <summary>
    /// Opens <paramref name="count"/> streams at once, waits until each got its first watcher_count, then resets them
    /// all. Returns the highest count any of them saw.
    /// </summary>
    private async Task<int> ChurnAsync(int count, int first, Action? whileOpen = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var sockets = Enumerable.Range(0, count).Select(_ => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)).ToArray();
        try
        {
            var seen = await Task.WhenAll(sockets.Select(async (socket, i) =>
            {
                var token = server.TokenPool[(first + i) % server.TokenPool.Count];
                await socket.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port, timeout.Token);
                var request = $"GET /api/stream/rooms/{server.RoomId}?csrf_token={token} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n";
                await socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, timeout.Token);
                return await ReadFirstWatcherCountAsync(socket, timeout.Token);
            }));
            whileOpen?.Invoke();
            return seen.Max();
        }
        finally
        {
            foreach (var socket in sockets)
            {
                // Linger 0: close sends a reset, as a crashed or vanished client would.
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
            }
        }
    }

    private static async Task<int> ReadFirstWatcherCountAsync(Socket socket, CancellationToken cancellationToken)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (received.Length < 16 * 1024)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (read == 0) break;
            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            var text = received.ToString();
            var at = text.IndexOf("event: watcher_count\ndata: ", StringComparison.Ordinal);
            if (at < 0) continue;
            var start = at + "event: watcher_count\ndata: ".Length;
            var end = text.IndexOf('\n', start);
            if (end > start) return int.Parse(text[start..end]);
        }
        throw new InvalidDataException($"no watcher_count event in: {received}");
    }

    private async Task<int> WatcherCountAsync()
    {
        using var room = JsonDocument.Parse(await server.Api.Http.GetStringAsync($"/api/rooms/{server.RoomId}"));
        return room.RootElement.GetProperty("room").GetProperty("watcher_count").GetInt32();
    }

    private async Task<TimeSpan> WaitUntilNobodyWatchesAsync()
    {
        var started = DateTime.UtcNow;
        while (await WatcherCountAsync() > 0)
        {
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "watchers still counted 20 s after all of them left");
            await Task.Delay(250);
        }
        return DateTime.UtcNow - started;
    }

    private static long SettledHeap()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static int OpenDescriptors() => Directory.GetFiles("/proc/self/fd").Length;
}

/// <summary>The churn against the baseline store.</summary>
[Collection(MeasuredAloneCollection.Name)]
public sealed class SseChurnTestsOnBaseline(SseChurnTestsOnBaseline.BaselineFixture server, ITestOutputHelper output)
    : SseChurnTests(server, output), IClassFixture<SseChurnTestsOnBaseline.BaselineFixture>
{
    /// <summary>A baseline server with a watched room.</summary>
    public sealed class BaselineFixture() : Fixture(ReferenceOptions.BaselineProfile);
}

/// <summary>The churn against the tuned store (push streams that stay open until the client leaves).</summary>
[Collection(MeasuredAloneCollection.Name)]
public sealed class SseChurnTestsOnTuned(SseChurnTestsOnTuned.TunedFixture server, ITestOutputHelper output)
    : SseChurnTests(server, output), IClassFixture<SseChurnTestsOnTuned.TunedFixture>
{
    /// <summary>A tuned server with a watched room.</summary>
    public sealed class TunedFixture() : Fixture(ReferenceOptions.TunedProfile);
}
