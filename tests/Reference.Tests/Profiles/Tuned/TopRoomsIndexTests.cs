using IsuBench.Reference.Profiles.Tuned;

namespace IsuBench.Tests.Reference.Profiles.Tuned;

public sealed class TopRoomsIndexTests
{
    private static RoomState Room(long id, int strokes, long lastStrokeId) =>
        new(id, $"room {id}", 100, 100, DateTime.UnixEpoch, new RoomSnapshot(strokes, lastStrokeId, null));

    [Fact]
    public void Rooms_are_listed_by_newest_stroke_without_empty_rooms_and_at_most_one_hundred()
    {
        var index = new TopRoomsIndex();
        for (var id = 1; id <= 150; id++) index.Update(Room(id, 1, 1000 - id), 1000 - id);
        index.Update(Room(999, 0, 0), 0);

        var top = index.Top();

        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), top.Select(r => r.Id));
        Assert.All(top, r => Assert.Empty(r.Strokes));
    }

    [Fact]
    public void The_list_is_shared_until_a_stroke_moves_a_room_then_rebuilt_with_new_counts()
    {
        var index = new TopRoomsIndex();
        var first = Room(1, 1, 10);
        var second = Room(2, 1, 20);
        index.Update(first, 10);
        index.Update(second, 20);
        var before = index.Top();
        Assert.Same(before, index.Top());
        Assert.Equal([2L, 1L], before.Select(r => r.Id));

        first.Publish(new RoomSnapshot(2, 30, null));
        index.Update(first, 30);
        var after = index.Top();

        Assert.NotSame(before, after);
        Assert.Equal([1L, 2L], after.Select(r => r.Id));
        Assert.Equal([2, 1], after.Select(r => r.StrokeCount));
        Assert.Equal([2L, 1L], before.Select(r => r.Id)); // a list already handed out does not change
    }

    [Fact]
    public void A_new_room_without_strokes_keeps_the_list_but_a_listed_room_losing_its_strokes_drops_it()
    {
        var index = new TopRoomsIndex();
        var drawn = Room(1, 1, 10);
        index.Update(drawn, 10);
        var before = index.Top();

        index.Update(Room(2, 0, 0), 0);
        Assert.Same(before, index.Top());

        index.Update(drawn, 0);
        Assert.Empty(index.Top());
    }
}
