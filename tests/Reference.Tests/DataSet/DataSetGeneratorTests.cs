using IsuBench.Data;
using IsuBench.Reference.DataSet;

namespace IsuBench.Tests.Reference.DataSet;

public sealed class DataSetGeneratorTests
{
    private static readonly IReadOnlyList<SeedStroke> Isu = SeedStrokes.Load("isu");

    [Fact]
    public void The_isu_seed_has_41_strokes_and_1443_points()
    {
        Assert.Equal(41, Isu.Count);
        Assert.Equal(1443, Isu.Sum(s => s.Points.Count));
    }

    [Fact]
    public void The_same_seed_gives_the_same_rows()
    {
        var a = new DataSetGenerator(7, 3, Isu);
        var b = new DataSetGenerator(7, 3, Isu);
        Assert.Equal(a.Rooms(), b.Rooms());
        Assert.Equal(a.Strokes(), b.Strokes());
        Assert.Equal(a.Points(), b.Points());
        Assert.Equal(a.Tokens(), b.Tokens());
        Assert.Equal(a.RoomWatchers(), b.RoomWatchers());
        Assert.Equal(a.RoomOwners(), b.RoomOwners());
    }

    [Fact]
    public void Another_seed_gives_other_rows()
    {
        var a = new DataSetGenerator(7, 3, Isu);
        var b = new DataSetGenerator(8, 3, Isu);
        Assert.NotEqual(a.Strokes(), b.Strokes());
        Assert.NotEqual(a.Points(), b.Points());
        Assert.NotEqual(a.Tokens(), b.Tokens());
    }

    [Fact]
    public void A_slice_of_rooms_gives_exactly_those_rows_of_the_whole()
    {
        var generator = new DataSetGenerator(42, 5, Isu);
        var whole = generator.Points().ToList();
        var sliced = generator.Points(1, 2).Concat(generator.Points(3, 5)).ToList();
        Assert.Equal(whole, sliced);
        Assert.Equal(generator.Strokes(), generator.Strokes(1, 3).Concat(generator.Strokes(4, 5)));
    }

    [Fact]
    public void Three_rooms_have_the_expected_counts()
    {
        var generator = new DataSetGenerator(42, 3, Isu);
        Assert.Equal(new DataSetCounts(3, 123, 4329, 150, 150, 3), generator.Counts);
        Assert.Equal(3, generator.Rooms().Count());
        Assert.Equal(123, generator.Strokes().Count());
        Assert.Equal(4329, generator.Points().Count());
        Assert.Equal(150, generator.Tokens().Count());
        Assert.Equal(150, generator.RoomWatchers().Count());
        Assert.Equal(3, generator.RoomOwners().Count());
    }

    [Fact]
    public void The_full_data_set_has_the_counts_of_the_original()
    {
        var counts = DataSetGenerator.WithIsuStrokes(42, DataSetGenerator.DefaultRooms).Counts;
        Assert.Equal(new DataSetCounts(1000, 41_000, 1_443_000, 50_000, 50_000, 1000), counts);
    }

    [Fact]
    public void Rooms_are_named_sized_and_timed_as_specified()
    {
        var rooms = new DataSetGenerator(42, 3, Isu).Rooms().ToList();
        Assert.Equal([1L, 2L, 3L], rooms.Select(r => r.Id));
        foreach (var room in rooms)
        {
            Assert.Equal($"ひたすら椅子を描く部屋【{room.Id}】", room.Name);
            Assert.Equal((1028, 768), (room.CanvasWidth, room.CanvasHeight));
            var offset = room.CreatedAt - DataSetGenerator.Epoch;
            Assert.Equal(room.Id, (long)Math.Floor(offset.TotalSeconds));
            Assert.Equal(0, offset.Ticks % TimeSpan.TicksPerMicrosecond);
        }
    }

    [Fact]
    public void Strokes_follow_the_seed_order_with_values_in_range_and_growing_timestamps()
    {
        var generator = new DataSetGenerator(42, 3, Isu);
        var strokes = generator.Strokes().ToList();
        Assert.Equal(Enumerable.Range(1, 123).Select(i => (long)i), strokes.Select(s => s.Id));
        Assert.Equal(Enumerable.Range(1, 3).SelectMany(r => Enumerable.Repeat((long)r, 41)), strokes.Select(s => s.RoomId));
        foreach (var stroke in strokes)
        {
            Assert.InRange(stroke.Width, 10, 49);
            Assert.InRange(stroke.Red, 100, 199);
            Assert.InRange(stroke.Green, 100, 199);
            Assert.InRange(stroke.Blue, 100, 199);
            Assert.Contains(stroke.Alpha, new[] { 0.5m, 0.6m, 0.7m, 0.8m, 0.9m });
            Assert.True(stroke.CreatedAt > generator.RoomCreatedAt(stroke.RoomId), "a stroke is drawn after its room exists");
        }
        Assert.All(strokes.Zip(strokes.Skip(1)), pair => Assert.True(pair.Second.CreatedAt > pair.First.CreatedAt));
        // Random values, not one constant: with 123 draws every range shows several values.
        Assert.True(strokes.Select(s => s.Width).Distinct().Count() > 10);
        Assert.True(strokes.Select(s => s.Alpha).Distinct().Count() == 5);
    }

    [Fact]
    public void Points_are_the_seed_points_moved_by_one_of_three_offsets()
    {
        var generator = new DataSetGenerator(42, 2, Isu);
        var points = generator.Points().ToList();
        Assert.Equal(Enumerable.Range(1, 2 * 1443).Select(i => (long)i), points.Select(p => p.Id));
        var seed = Isu.SelectMany((s, k) => s.Points.Select(p => (Stroke: k, Point: p))).ToList();
        var offsets = new HashSet<decimal>();
        for (var i = 0; i < points.Count; i++)
        {
            var (k, original) = seed[i % seed.Count];
            var room = i / seed.Count;
            Assert.Equal(room * 41L + k + 1, points[i].StrokeId);
            offsets.Add(points[i].X - original.X);
            offsets.Add(points[i].Y - original.Y);
        }
        Assert.Equal(new HashSet<decimal> { -1.5m, -0.5m, 0.5m }, offsets);
    }

    [Fact]
    public void Tokens_are_distinct_64_hex_created_one_second_apart()
    {
        var tokens = new DataSetGenerator(42, 3, Isu).Tokens().ToList();
        Assert.Equal(tokens.Count, tokens.Select(t => t.CsrfToken).Distinct().Count());
        foreach (var token in tokens)
        {
            Assert.Matches("^[0-9a-f]{64}$", token.CsrfToken);
            Assert.Equal(DataSetGenerator.Epoch.AddSeconds(token.Id), token.CreatedAt);
        }
    }

    [Fact]
    public void Watchers_and_owners_point_at_rows_that_existed_before()
    {
        var generator = new DataSetGenerator(42, 4, Isu);
        var watchers = generator.RoomWatchers().ToList();
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), watchers.Select(w => w.TokenId));
        foreach (var watcher in watchers)
        {
            Assert.InRange(watcher.RoomId, 1, 4);
            Assert.True(watcher.CreatedAt > generator.RoomCreatedAt(watcher.RoomId));
            Assert.True(watcher.CreatedAt > DataSetGenerator.TokenCreatedAt(watcher.TokenId));
            Assert.True(watcher.UpdatedAt >= watcher.CreatedAt);
        }
        Assert.Equal(4, watchers.Select(w => w.RoomId).Distinct().Count());

        var owners = generator.RoomOwners().ToList();
        Assert.Equal([1L, 2L, 3L, 4L], owners.Select(o => o.RoomId));
        foreach (var owner in owners)
        {
            Assert.InRange(owner.TokenId, 1, owner.RoomId);
            Assert.True(DataSetGenerator.TokenCreatedAt(owner.TokenId) <= generator.RoomCreatedAt(owner.RoomId));
        }
    }
}
