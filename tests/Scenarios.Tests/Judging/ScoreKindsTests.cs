using IsuBench.Checks.Rules;
using IsuBench.Engine.Metrics;
using IsuBench.Scenarios.Judging;

namespace IsuBench.Tests.Scenarios.Judging;

public sealed class ScoreKindsTests
{
    [Fact]
    public void Gets_score_one_posts_twenty_and_stream_strokes_one()
    {
        var ledger = new ScoreLedger(ScoreKinds.Scale);
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
    public void The_scale_names_every_kind_as_result_files_do()
    {
        Assert.Equal(Enum.GetValues<ScoreKind>().Length, ScoreKinds.Scale.Count);
        Assert.Equal(["get", "post", "stream_stroke"], Enumerable.Range(0, ScoreKinds.Scale.Count).Select(ScoreKinds.Scale.NameOf));
    }
}
