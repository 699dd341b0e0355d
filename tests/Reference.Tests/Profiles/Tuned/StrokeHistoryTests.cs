using System.Text.Json;
using IsuBench.Reference.Domain;
using IsuBench.Reference.Json;
using IsuBench.Reference.Profiles.Tuned;

namespace IsuBench.Tests.Reference.Profiles.Tuned;

public sealed class StrokeHistoryTests
{
    private static CachedStroke Stroke(long id) => new(new Stroke(id, 1, 10, 1, 2, 3, 0.5, DateTime.UnixEpoch, []));

    [Fact]
    public void Older_views_keep_their_strokes_while_newer_ones_grow_on_the_same_array()
    {
        var views = new List<StrokeHistory> { StrokeHistory.Empty };
        for (var id = 1; id <= 20; id++) views.Add(views[^1].Append(Stroke(id * 2)));

        for (var count = 0; count <= 20; count++)
        {
            Assert.Equal(count, views[count].Count);
            Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i * 2), views[count].Select(s => s.Id));
        }
        Assert.Equal(40, views[^1].LastStrokeId);
        Assert.Throws<ArgumentOutOfRangeException>(() => views[3].At(3));
    }

    [Fact]
    public void Strokes_out_of_id_order_are_refused()
    {
        var history = StrokeHistory.Of([Stroke(5)]);
        Assert.Throws<ArgumentException>(() => history.Append(Stroke(5)));
        Assert.Throws<ArgumentException>(() => history.Append(Stroke(3)));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(5, 2)]
    [InlineData(6, 3)]
    [InlineData(7, 3)]
    [InlineData(100, 3)]
    public void Index_after_an_id_finds_the_first_newer_stroke(long lastEventId, int index)
    {
        var history = StrokeHistory.Of([Stroke(2), Stroke(4), Stroke(6)]);
        Assert.Equal(index, history.IndexAfter(lastEventId));
    }

    [Fact]
    public void A_room_serializes_the_same_from_cached_stroke_json_as_from_plain_strokes()
    {
        var created = new DateTime(2016, 9, 22, 0, 0, 1, DateTimeKind.Utc).AddTicks(1234560);
        var strokes = Enumerable.Range(1, 3).Select(id => new Stroke(id, 7, 10 + id, 100, 150, 199, 0.7, created,
            [new Point(id * 10, id, 1.5, -2.25), new Point(id * 10 + 1, id, 1000.1234, 0)])).ToList();
        var plain = new Room(7, "椅子 <b>", 1028, 768, created, strokes, 3, 2);
        var cached = plain with { Strokes = StrokeHistory.Of(strokes.Select(s => new CachedStroke(s)).ToList()) };

        var expected = JsonSerializer.Serialize(plain, ApiJson.Options);
        Assert.Equal(expected, JsonSerializer.Serialize(cached, ApiJson.Options));
        Assert.Contains("\"points\":[{\"id\":10,\"stroke_id\":1,\"x\":1.5,\"y\":-2.25}", expected);
    }
}
