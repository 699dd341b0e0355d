using IsuBench.Checks.Rules;
using IsuBench.Engine.Sse;
using IsuBench.Scenarios.Api;

namespace IsuBench.Tests.Scenarios.Api;

public sealed class StrokeEventReadingsTests
{
    private const string Stroke =
        "{\"id\":7,\"room_id\":3,\"width\":12,\"red\":128,\"green\":129,\"blue\":130,\"alpha\":0.7,\"created_at\":\"2016-12-03T12:00:00.000+09:00\"," +
        "\"points\":[{\"id\":1,\"stroke_id\":7,\"x\":1.5,\"y\":2}]}";

    [Fact]
    public void The_same_event_is_read_once_for_every_watcher_and_reads_as_the_rule_reads_it()
    {
        var readings = new StrokeEventReadings(Endpoints.Stream);

        var first = readings.Read(Stroke);
        var again = readings.Read(new string(Stroke.AsSpan())); // equal data, another string

        Assert.Equal(1, readings.Reads);
        Assert.Same(first, again);
        var direct = StreamRules.ReadStrokeEvent(Stroke, Endpoints.Stream);
        Assert.Equal((direct.Ok, direct.Value!.Id, direct.Value.Points.Count), (first.Ok, first.Value!.Id, first.Value.Points.Count));
    }

    [Fact]
    public void An_event_that_differs_by_one_byte_is_read_anew_and_a_broken_one_still_fails_for_each_watcher()
    {
        var readings = new StrokeEventReadings(Endpoints.Stream);
        string broken = Stroke.Replace("\"x\":1.5", "\"x\":\"1.5\"", StringComparison.Ordinal);

        Assert.True(readings.Read(Stroke).Ok);
        Assert.False(readings.Read(broken).Ok);
        Assert.False(readings.Read(broken).Ok);
        var changed = readings.Read(Stroke.Replace("\"id\":7,\"room_id\"", "\"id\":8,\"room_id\"", StringComparison.Ordinal));

        Assert.Equal(8, changed.Value!.Id);
        Assert.Equal(3, readings.Reads); // the stroke, the broken one (once), the changed one
    }

    [Fact]
    public void Room_events_of_a_stream_go_through_the_readings_only_for_the_stream_they_were_made_for()
    {
        var readings = new StrokeEventReadings(Endpoints.Stream);
        var item = new SseEvent("stroke", Stroke, "7", DateTimeOffset.UnixEpoch);

        RoomEvent.Read(item, Endpoints.Stream, readings);
        RoomEvent.Read(item, Endpoints.Stream, readings);
        var other = RoomEvent.Read(item, "GET /another", readings);

        Assert.Equal(1, readings.Reads);
        Assert.True(other.Stroke!.Ok);
    }

    [Fact]
    public void Only_the_latest_events_are_remembered()
    {
        var readings = new StrokeEventReadings(Endpoints.Stream);
        for (int id = 1; id <= StrokeEventReadings.Capacity + 1; id++)
        {
            readings.Read(Stroke.Replace("\"id\":7,\"room_id\"", $"\"id\":{id},\"room_id\"", StringComparison.Ordinal));
        }
        readings.Read(Stroke.Replace("\"id\":7,\"room_id\"", $"\"id\":{StrokeEventReadings.Capacity + 1},\"room_id\"", StringComparison.Ordinal));
        readings.Read(Stroke.Replace("\"id\":7,\"room_id\"", "\"id\":1,\"room_id\"", StringComparison.Ordinal));

        // The newest was still known; the first had been let go and was read again.
        Assert.Equal(StrokeEventReadings.Capacity + 2, readings.Reads);
    }
}
