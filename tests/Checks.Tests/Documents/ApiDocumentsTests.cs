using IsuBench.Checks.Documents.Api;
using IsuBench.Tests.Checks.Fixtures;

namespace IsuBench.Tests.Checks.Documents;

public class ApiDocumentsTests
{
    [Fact]
    public void Reads_a_room_with_strokes_and_points_ignoring_extra_fields()
    {
        var stroke = ApiJsonSamples.Stroke(9, points: [(1.5, 2.25), (3, 4)]);
        var body = "{\"room\":" + ApiJsonSamples.Room(3, 1, stroke).Replace("\"watcher_count\":1", "\"watcher_count\":1,\"unknown\":[1,2]") + ",\"more\":null}";
        var read = ApiDocuments.ReadRoomResponse(body);
        Assert.True(read.Ok, read.Problem);
        var room = read.Value!;
        Assert.Equal(3, room.Id);
        Assert.Equal("ひたすら椅子を描く部屋", room.Name);
        Assert.Equal((1024, 768, 1, 1), (room.CanvasWidth, room.CanvasHeight, room.StrokeCount, room.WatcherCount));
        Assert.Equal(1234560, room.CreatedAt.UtcTicks % TimeSpan.TicksPerSecond);
        var s = Assert.Single(room.Strokes);
        Assert.Equal((9L, 3L, 12, 128, 129, 130, 0.7), (s.Id, s.RoomId, s.Width, s.Red, s.Green, s.Blue, s.Alpha));
        Assert.Equal([new ApiPoint(1, 9, 1.5, 2.25), new ApiPoint(2, 9, 3, 4)], s.Points);
    }

    [Theory]
    [InlineData("{\"rom\":{}}", "$.room is missing")]
    [InlineData("{\"room\":null}", "$.room is missing")]
    [InlineData("[]", "$ must be an object, got array")]
    [InlineData("{\"room\":{\"id\":\"3\"}}", "$.room.id must be an integer, got string")]
    [InlineData("{\"room\":{\"id\":3.5}}", "$.room.id must be an integer, got number 3.5")]
    [InlineData("{\"room\":{\"strokes\":{}}}", "$.room.strokes must be an array, got object")]
    public void Names_the_first_wrong_field(string body, string problem)
    {
        var read = ApiDocuments.ReadRoomResponse(body);
        Assert.False(read.Ok);
        Assert.StartsWith(problem, read.Problem);
    }

    [Fact]
    public void Absent_and_null_fields_read_as_zero_values_and_are_listed_as_the_original_go_decoder_read_them()
    {
        var read = ApiDocuments.ReadRoomResponse("{\"room\":{\"id\":7,\"name\":null,\"strokes\":[{\"id\":3,\"points\":[{\"x\":1}]}]}}");
        Assert.True(read.Ok, read.Problem);
        var room = read.Value!;
        Assert.Equal((7L, "", 0, 0, 0, 0), (room.Id, room.Name, room.CanvasWidth, room.CanvasHeight, room.StrokeCount, room.WatcherCount));
        Assert.Equal(DateTimeOffset.MinValue, room.CreatedAt);
        var stroke = Assert.Single(room.Strokes);
        Assert.Equal((3L, 0L, 0.0), (stroke.Id, stroke.RoomId, stroke.Alpha));
        Assert.Equal([new ApiPoint(0, 0, 1, 0)], stroke.Points);
        Assert.Contains("$.room.name", read.Absent);
        Assert.Contains("$.room.watcher_count", read.Absent);
        Assert.Contains("$.room.strokes[0].points[0].y", read.Absent);
        Assert.DoesNotContain("$.room.id", read.Absent);
    }

    [Fact]
    public void A_key_in_other_case_matches_when_no_exact_key_does()
    {
        var read = ApiDocuments.ReadStroke("{\"ID\":5,\"id\":6,\"Room_Id\":9}");
        Assert.Equal((6L, 9L), (read.Value!.Id, read.Value.RoomId));
    }

    [Fact]
    public void A_complete_document_has_nothing_absent()
    {
        var read = ApiDocuments.ReadStrokeResponse("{\"stroke\":" + ApiJsonSamples.Stroke(points: [(1, 2)]) + "}");
        Assert.True(read.Ok, read.Problem);
        Assert.Empty(read.Absent);
    }

    [Fact]
    public void Rejects_a_timestamp_that_is_not_RFC_3339()
    {
        var read = ApiDocuments.ReadRoomResponse("{\"room\":" + ApiJsonSamples.Room(createdAt: "2016-09-22 00:00:01") + "}");
        Assert.Equal("$.room.created_at must be an RFC 3339 timestamp, got \"2016-09-22 00:00:01\"", read.Problem);
    }

    [Fact]
    public void Names_a_wrong_point_by_its_path()
    {
        var body = "{\"stroke\":" + ApiJsonSamples.Stroke(points: [(1, 2)]).Replace("\"x\":1", "\"x\":\"1\"") + "}";
        Assert.Equal("$.stroke.points[0].x must be a number, got string \"1\"", ApiDocuments.ReadStrokeResponse(body).Problem);
    }

    [Fact]
    public void Reads_lists()
    {
        Assert.Equal(100, ApiDocuments.ReadRoomsResponse(ApiJsonSamples.RoomList(100)).Value!.Count);
        Assert.Empty(ApiDocuments.ReadRoomsResponse("{}").Value!);
    }

    [Fact]
    public void Reports_invalid_json_without_throwing()
    {
        var read = ApiDocuments.ReadStroke("{\"id\":");
        Assert.False(read.Ok);
        Assert.StartsWith("not valid JSON", read.Problem);
    }

    [Fact]
    public void Reports_an_escaped_lone_surrogate_as_a_problem_without_throwing()
    {
        // Valid JSON syntax, but no string: reading it used to throw out of the reader.
        var read = ApiDocuments.ReadRoomResponse("{\"room\":{\"name\":\"a\\ud800b\"}}");
        Assert.False(read.Ok);
        Assert.StartsWith("$.room.name is not valid Unicode text", read.Problem);
    }
}
