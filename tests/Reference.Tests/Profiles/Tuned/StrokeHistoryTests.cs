using IsuBench.Reference.Domain;
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
}
