using IsuBench.Reference.Hosting;

namespace IsuBench.Integration.Reference;

public abstract class TopRoomsTests(TopRoomsTests.Fixture server)
{
    /// <summary>105 rooms with one stroke each (room 3 of them gets a second, newest stroke) and 2 rooms without strokes.</summary>
    public abstract class Fixture(string profile) : ReferenceServer(profile)
    {
        public List<long> RoomsByNewestStroke { get; } = [];
        public List<long> EmptyRooms { get; } = [];
        public long RoomWithTwoStrokes { get; private set; }

        protected override async Task SeedAsync()
        {
            var token = await Api.CreateTokenAsync();
            EmptyRooms.Add((await Api.CreateRoomAsync(token, "empty 1")).GetProperty("id").GetInt64());
            var rooms = new List<long>();
            for (var i = 0; i < 105; i++)
            {
                var id = (await Api.CreateRoomAsync(token, $"room {i}")).GetProperty("id").GetInt64();
                await Api.PostStrokeAsync(token, id);
                rooms.Add(id);
            }
            EmptyRooms.Add((await Api.CreateRoomAsync(token, "empty 2")).GetProperty("id").GetInt64());
            RoomWithTwoStrokes = rooms[3];
            await Api.PostStrokeAsync(token, RoomWithTwoStrokes);
            RoomsByNewestStroke.Add(RoomWithTwoStrokes);
            RoomsByNewestStroke.AddRange(rooms.Where(id => id != RoomWithTwoStrokes).Reverse());
        }
    }

    [Fact]
    public async Task The_top_100_rooms_are_ordered_by_newest_stroke_with_counts_and_no_strokes()
    {
        var rooms = (await server.Api.GetJsonAsync("/api/rooms")).GetProperty("rooms").EnumerateArray().ToList();

        Assert.Equal(100, rooms.Count);
        Assert.Equal(server.RoomsByNewestStroke.Take(100), rooms.Select(r => r.GetProperty("id").GetInt64()));
        Assert.DoesNotContain(rooms, r => server.EmptyRooms.Contains(r.GetProperty("id").GetInt64()));
        Assert.All(rooms, r => Assert.Equal(0, r.GetProperty("strokes").GetArrayLength()));
        Assert.All(rooms, r => Assert.Equal(r.GetProperty("id").GetInt64() == server.RoomWithTwoStrokes ? 2 : 1,
            r.GetProperty("stroke_count").GetInt32()));
        Assert.All(rooms, r => Assert.StartsWith("room ", r.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Rooms_without_strokes_are_readable_but_not_listed()
    {
        foreach (var id in server.EmptyRooms)
        {
            var room = (await server.Api.GetJsonAsync($"/api/rooms/{id}")).GetProperty("room");
            Assert.Equal(0, room.GetProperty("stroke_count").GetInt32());
        }
    }
}

/// <summary>TopRoomsTests against the baseline store.</summary>
public sealed class TopRoomsTestsOnBaseline(TopRoomsTestsOnBaseline.BaselineFixture server) : TopRoomsTests(server), IClassFixture<TopRoomsTestsOnBaseline.BaselineFixture>
{
    /// <summary>The seeded rooms on a baseline server.</summary>
    public sealed class BaselineFixture() : Fixture(ReferenceOptions.BaselineProfile);
}

/// <summary>TopRoomsTests against the tuned store.</summary>
public sealed class TopRoomsTestsOnTuned(TopRoomsTestsOnTuned.TunedFixture server) : TopRoomsTests(server), IClassFixture<TopRoomsTestsOnTuned.TunedFixture>
{
    /// <summary>The seeded rooms on a tuned server.</summary>
    public sealed class TunedFixture() : Fixture(ReferenceOptions.TunedProfile);
}
