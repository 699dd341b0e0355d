using IsuBench.Engine.Metrics;

namespace IsuBench.Tests.Scenarios.Engine;

public sealed class ScoreLedgerTests
{
    private static readonly ScoreScale Scale = new([("small", 1), ("large", 20), ("other", 3)]);

    [Fact]
    public void Each_kind_is_worth_what_the_scale_says()
    {
        var ledger = new ScoreLedger(Scale);
        ledger.Add(0, 3);
        ledger.Add(1, 2);
        ledger.Add(2, 5);

        Assert.Equal(3, ledger.PointsOf(0));
        Assert.Equal(40, ledger.PointsOf(1));
        Assert.Equal(15, ledger.PointsOf(2));
        Assert.Equal(2, ledger.CountOf(1));
        Assert.Equal(58, ledger.Total);
    }

    [Fact]
    public async Task Concurrent_adds_are_all_counted()
    {
        var ledger = new ScoreLedger(Scale);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                ledger.Add(1);
            }
        })));

        Assert.Equal(80_000, ledger.CountOf(1));
        Assert.Equal(1_600_000, ledger.Total);
    }

    [Fact]
    public void A_negative_count_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoreLedger(Scale).Add(0, -1));
    }

    [Fact]
    public void A_scale_without_kinds_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoreScale([]));
    }
}
