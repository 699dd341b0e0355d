using IsuBench.Checks.Rules;
using IsuBench.Scenarios.Engine.Metrics;

namespace IsuBench.Tests.Scenarios.Engine;

public sealed class ScoreLedgerTests
{
    [Fact]
    public void Gets_score_one_posts_twenty_and_stream_strokes_one()
    {
        var ledger = new ScoreLedger();
        ledger.Add(ScoreKind.Get, 3);
        ledger.Add(ScoreKind.Post, 2);
        ledger.Add(ScoreKind.StreamStroke, 5);

        Assert.Equal(3, ledger.PointsOf(ScoreKind.Get));
        Assert.Equal(40, ledger.PointsOf(ScoreKind.Post));
        Assert.Equal(5, ledger.PointsOf(ScoreKind.StreamStroke));
        Assert.Equal(48, ledger.Total);
        Assert.Equal((2L, 40L), ledger.Snapshot()[ScoreKind.Post]);
    }

    [Fact]
    public async Task Concurrent_adds_are_all_counted()
    {
        var ledger = new ScoreLedger();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                ledger.Add(ScoreKind.Post);
            }
        })));

        Assert.Equal(80_000, ledger.CountOf(ScoreKind.Post));
        Assert.Equal(1_600_000, ledger.Total);
    }

    [Fact]
    public void A_negative_count_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoreLedger().Add(ScoreKind.Get, -1));
    }
}
