using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using IsuBench.Integration.Infrastructure;
using IsuBench.Integration.Reference;

namespace IsuBench.Integration.Tuned;

/// <summary>The tuned server keeps state in memory, so prove that a hard kill under load loses no acknowledged write.</summary>
public sealed class TunedRestartTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private const int Posters = 4;
    private const int AcknowledgedBeforeKill = 60;

    /// <summary>A stroke the server answered 200 for: its room and the stroke object it returned.</summary>
    private sealed record Acknowledged(long RoomId, long StrokeId, string Json);

    [Fact]
    public async Task Every_acknowledged_stroke_survives_a_SIGKILL_under_load_and_the_top_list_agrees()
    {
        var connectionString = await SharedMariaDb.CreateDatabaseAsync("tuned_kill_" + Guid.NewGuid().ToString("N")[..12]);
        var acknowledged = new ConcurrentBag<Acknowledged>();
        var rooms = new List<long>();

        await using (var server = await ServerProcess.StartAsync("tuned", connectionString, StartTimeout))
        {
            using var api = new IsuketchClient(server.BaseAddress);
            var owners = new List<string>();
            for (var i = 0; i < Posters; i++)
            {
                var token = await api.CreateTokenAsync();
                owners.Add(token);
                rooms.Add((await api.CreateRoomAsync(token, $"restart {i}")).GetProperty("id").GetInt64());
            }

            // Each poster draws into its own room and, once that has strokes, into its neighbour's: rooms interleave.
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var posters = Enumerable.Range(0, Posters).Select(i => Task.Run(() => PostUntilFailureAsync(
                server.BaseAddress, owners[i], rooms[i], rooms[(i + 1) % Posters], i, acknowledged, stop.Token))).ToList();
            while (acknowledged.Count < AcknowledgedBeforeKill && !stop.IsCancellationRequested && posters.All(p => !p.IsCompleted))
                await Task.Delay(20);

            await server.KillAsync();
            await Task.WhenAll(posters);
            Assert.True(acknowledged.Count >= AcknowledgedBeforeKill, $"only {acknowledged.Count} strokes were acknowledged before the kill");
        }

        await using (var restarted = await ServerProcess.StartAsync("tuned", connectionString, StartTimeout))
        {
            using var api = new IsuketchClient(restarted.BaseAddress);
            var served = new Dictionary<long, List<JsonElement>>();
            foreach (var roomId in rooms)
                served[roomId] = (await api.GetJsonAsync($"/api/rooms/{roomId}")).GetProperty("room").GetProperty("strokes").EnumerateArray().ToList();

            // Every acknowledged stroke is served with exactly what its POST returned (points, ids, times).
            foreach (var stroke in acknowledged)
            {
                var found = served[stroke.RoomId].Where(s => s.GetProperty("id").GetInt64() == stroke.StrokeId).ToList();
                Assert.True(found.Count == 1, $"stroke {stroke.StrokeId} of room {stroke.RoomId} acknowledged but not served");
                Assert.Equal(stroke.Json, found[0].GetRawText());
            }
            foreach (var strokes in served.Values)
                Assert.Equal(strokes.Select(s => s.GetProperty("id").GetInt64()).Order(), strokes.Select(s => s.GetProperty("id").GetInt64()));

            // The top list: every drawn room, newest stroke first, with the count the room itself serves.
            var top = (await api.GetJsonAsync("/api/rooms")).GetProperty("rooms").EnumerateArray().ToList();
            var expected = rooms.Where(id => served[id].Count > 0)
                .OrderByDescending(id => served[id].Max(s => s.GetProperty("id").GetInt64())).ToList();
            Assert.Equal(expected, top.Select(r => r.GetProperty("id").GetInt64()));
            Assert.All(top, r => Assert.Equal(served[r.GetProperty("id").GetInt64()].Count, r.GetProperty("stroke_count").GetInt32()));

            // And the restarted server works: a new stroke is stored and streamed after the old ones.
            var token = await api.CreateTokenAsync();
            var last = served[rooms[0]][^1].GetProperty("id").GetInt64();
            var fresh = await api.PostStrokeAsync(token, rooms[0], [(5, 6)]);
            var stream = await SseSession.ReadAsync(api.Http, rooms[0].ToString(), token, lastEventId: last,
                stopWhen: events => events.Any(e => e.Type == "stroke"));
            Assert.Equal(fresh.GetRawText(), stream.Events.Single(e => e.Type == "stroke").Data);
        }
    }

    private static async Task PostUntilFailureAsync(Uri baseAddress, string ownerToken, long ownRoom, long otherRoom, int poster,
        ConcurrentBag<Acknowledged> acknowledged, CancellationToken cancellationToken)
    {
        using var api = new IsuketchClient(baseAddress);
        var random = new Random(poster);
        for (var i = 0; !cancellationToken.IsCancellationRequested; i++)
        {
            // The first stroke of a room is its owner's; after that, alternate rooms.
            var roomId = i > 0 && i % 3 == 2 ? otherRoom : ownRoom;
            var points = Enumerable.Range(0, random.Next(1, 40)).Select(_ => (Math.Round(random.NextDouble() * 1000, 4), Math.Round(random.NextDouble() * 700, 4))).ToList();
            HttpResponseMessage response;
            try
            {
                response = await api.SendAsync(HttpMethod.Post, $"/api/strokes/rooms/{roomId}", ownerToken, IsuketchClient.StrokeBody(points));
            }
            catch (HttpRequestException)
            {
                return; // the server is gone: this POST was never acknowledged
            }
            using (response)
            {
                string text;
                try
                {
                    text = await response.Content.ReadAsStringAsync(cancellationToken);
                }
                catch (HttpRequestException)
                {
                    return;
                }
                if (response.StatusCode == HttpStatusCode.BadRequest && roomId == otherRoom) continue; // neighbour has no stroke yet
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST returned {(int)response.StatusCode}: {text}");
                using var document = JsonDocument.Parse(text);
                var stroke = document.RootElement.GetProperty("stroke");
                acknowledged.Add(new Acknowledged(roomId, stroke.GetProperty("id").GetInt64(), stroke.GetRawText()));
            }
        }
    }
}
