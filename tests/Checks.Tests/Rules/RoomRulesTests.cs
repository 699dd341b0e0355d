using IsuBench.Checks.Documents.Api;
using IsuBench.Checks.Rules;
using IsuBench.Tests.Checks.Fixtures;

namespace IsuBench.Tests.Checks.Rules;

public class RoomRulesTests
{
    private static readonly DateTimeOffset Sent = new(2016, 9, 22, 0, 0, 1, TimeSpan.Zero);

    [Fact]
    public void A_created_room_is_read_and_failures_depend_on_the_phase()
    {
        var ok = RoomRules.ReadCreated(200, "{\"room\":" + ApiJsonSamples.Room(12) + "}", "POST /api/rooms");
        Assert.True(ok.Ok);
        Assert.Equal(12, ok.Value!.Id);

        VerdictAssert.Failed(RoomRules.ReadCreated(400, "{\"error\":\"bad\"}", "POST /api/rooms").Verdict,
            "rooms.create", "Creating a room failed", critical: true);
        VerdictAssert.Failed(RoomRules.ReadCreated(200, "{\"room\":{\"id\":\"1\"}}", "POST /api/rooms").Verdict,
            "rooms.create", "Creating a room failed", critical: true);
        // As the original read it: absent fields are zero values, for the contract rule to report.
        var sparse = RoomRules.ReadCreated(200, "{\"room\":{\"id\":1}}", "POST /api/rooms");
        Assert.True(sparse.Ok);
        Assert.Contains("$.room.created_at", sparse.Absent);
        VerdictAssert.Failed(RoomRules.ReadCreated(200, "{\"room\":" + ApiJsonSamples.Room(0) + "}", "POST /api/rooms").Verdict,
            "rooms.create", "Creating a room failed", critical: true);
        VerdictAssert.Failed(RoomRules.ReadCreated(500, "", "POST /api/rooms", CheckPhase.Load).Verdict,
            "load.rooms.create", "Creating a room failed", critical: false);
    }

    [Theory]
    [InlineData(-500, true)]
    [InlineData(0, true)]
    [InlineData(1700, true)]
    [InlineData(-501, false)]
    [InlineData(1701, false)]
    public void Created_at_must_lie_within_500_ms_of_the_request_window(int offsetMs, bool passes)
    {
        // The request took 1.2 s: the window is [sent - 0.5 s, received + 0.5 s].
        var room = Room(createdAt: Sent.AddMilliseconds(offsetMs));
        var verdict = RoomRules.CreatedAtInWindow(room, Sent, Sent.AddMilliseconds(1200), "POST /api/rooms");
        if (passes) VerdictAssert.Passed(verdict, "rooms.created-at");
        else VerdictAssert.Failed(verdict, "rooms.created-at", "The created room's created_at is wrong", critical: true);
    }

    [Fact]
    public void The_list_must_parse_and_hold_exactly_100_rooms()
    {
        var list = RoomRules.ReadList(200, ApiJsonSamples.RoomList(100), "GET /api/rooms");
        Assert.True(list.Ok);
        VerdictAssert.Passed(RoomRules.HasExactly100(list.Value!, "GET /api/rooms"), "rooms.list-count");

        var short99 = RoomRules.ReadList(200, ApiJsonSamples.RoomList(99), "GET /api/rooms").Value!;
        var verdict = RoomRules.HasExactly100(short99, "GET /api/rooms");
        VerdictAssert.Failed(verdict, "rooms.list-count", "The room list API does not return exactly 100 rooms", critical: true);
        Assert.Equal("99 rooms", verdict.Evidence.Actual);
        VerdictAssert.Failed(RoomRules.HasExactly100(short99, "GET /api/rooms", CheckPhase.Load),
            "load.rooms.list-count", "The room list API does not return exactly 100 rooms", critical: false);

        VerdictAssert.Failed(RoomRules.ReadList(503, "", "GET /api/rooms").Verdict, "rooms.list", "Fetching the room list API failed", critical: true);
        VerdictAssert.Failed(RoomRules.ReadList(200, "{\"rooms\":{}}", "GET /api/rooms", CheckPhase.Load).Verdict,
            "load.rooms.list", "Fetching the room list API failed", critical: false);
    }

    [Fact]
    public void A_fetched_room_must_parse_and_a_listed_room_must_have_strokes()
    {
        var body = "{\"room\":" + ApiJsonSamples.Room(4, 1, ApiJsonSamples.Stroke(points: [(1, 1)])) + "}";
        var fetched = RoomRules.ReadFetched(200, body, "GET /api/rooms/4");
        Assert.True(fetched.Ok);
        VerdictAssert.Passed(RoomRules.HasAnyStroke(fetched.Value!, "GET /api/rooms/4"), "rooms.has-strokes");

        VerdictAssert.Failed(RoomRules.HasAnyStroke(Room(), "GET /api/rooms/4"),
            "rooms.has-strokes", "A room from the room list has no strokes in the room API", critical: true);
        VerdictAssert.Failed(RoomRules.ReadFetched(404, "{\"error\":\"not found\"}", "GET /api/rooms/4").Verdict,
            "rooms.get", "Fetching the room API failed", critical: true);
    }

    private static ApiRoom Room(DateTimeOffset? createdAt = null) =>
        new(1, "r", 1024, 768, createdAt ?? Sent, [], 0, 0);
}
