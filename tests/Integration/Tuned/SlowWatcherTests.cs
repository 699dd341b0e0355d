using System.Net.ServerSentEvents;
using System.Net.Sockets;
using IsuBench.Integration.Reference;
using IsuBench.Reference.Profiles.Tuned;
using Xunit.Abstractions;

namespace IsuBench.Integration.Tuned;

/// <summary>A watcher that stops reading must not make the tuned server buffer its stream without bound.</summary>
public sealed class SlowWatcherTests(TunedServer server, ITestOutputHelper output) : IClassFixture<TunedServer>
{
    // Strokes of about 4.4 KB of JSON each: far more than the kernel's socket buffers (up to 4 MiB here), Kestrel's
    // output pipe and the stream's queue hold together.
    private const int Strokes = RoomSubscription.Capacity + 1400;
    private const int Posters = 4;

    [Fact]
    public async Task A_stream_that_stops_reading_is_cut_off_and_resumes_without_loss_after_Last_Event_ID()
    {
        var token = await server.Api.CreateTokenAsync();
        var roomId = (await server.Api.CreateRoomAsync(token)).GetProperty("id").GetInt64();
        var points = Enumerable.Range(0, 100).Select(i => (i * 1.25, i * 2.5)).ToList();
        var body = IsuketchClient.StrokeBody(points);

        // A client with a small receive buffer that opens the stream and then does not read.
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 8192, NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var slowClient = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        using var response = await slowClient.GetAsync($"/api/stream/rooms/{roomId}?csrf_token={token}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        var ids = await Task.WhenAll(Enumerable.Range(0, Posters).Select(async _ =>
        {
            var mine = new List<long>();
            for (var i = 0; i < Strokes / Posters; i++)
            {
                using var post = await server.Api.SendAsync(HttpMethod.Post, $"/api/strokes/rooms/{roomId}", token, body);
                mine.Add((await IsuketchClient.ReadJsonAsync(post, System.Net.HttpStatusCode.OK)).GetProperty("stroke").GetProperty("id").GetInt64());
            }
            return mine;
        }));
        var posted = ids.SelectMany(mine => mine).Order().ToList();

        // Now read: the server ended this response (or dropped the connection) before sending everything.
        var received = new List<long>();
        var end = "the server ended the response";
        using (var reading = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(reading.Token);
                await foreach (var item in SseParser.Create(stream).EnumerateAsync(reading.Token))
                {
                    if (item.EventType == "stroke") received.Add(long.Parse(item.EventId!));
                    if (received.Count == posted.Count) break; // everything arrived: the stream was never cut
                }
            }
            catch (HttpIOException)
            {
                end = "the server aborted the connection";
                // Kestrel aborted the stalled connection: also an end, and what arrived before it still counts.
            }
        }
        output.WriteLine($"the stalled stream got {received.Count} of {posted.Count} strokes, then {end}");
        Assert.True(received.Count < posted.Count, $"all {posted.Count} strokes were buffered for a client that did not read");
        Assert.Equal(posted.Take(received.Count), received);

        // The watcher reconnects after the last id it saw and gets exactly the rest.
        var resumed = await SseSession.ReadAsync(server.Api.Http, roomId.ToString(), token, lastEventId: received.Count == 0 ? null : received[^1],
            stopWhen: events => events.Count(e => e.Type == "stroke") >= posted.Count - received.Count, timeout: TimeSpan.FromSeconds(30));
        received.AddRange(resumed.Events.Where(e => e.Type == "stroke").Select(e => long.Parse(e.Id!)));
        Assert.Equal(posted, received);
    }
}
