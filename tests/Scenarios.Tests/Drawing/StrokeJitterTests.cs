using IsuBench.Scenarios.Drawing;

namespace IsuBench.Tests.Scenarios.Drawing;

public sealed class StrokeJitterTests
{
    [Fact]
    public void Jitter_moves_points_by_less_than_1_5_and_keeps_width_colour_and_alpha_in_range()
    {
        var seeds = SeedStrokes.Load("stool");
        var random = new Random(3);
        for (var round = 0; round < 50; round++)
        {
            foreach (var seed in seeds)
            {
                var jittered = StrokeJitter.Apply(seed, random);
                Assert.Equal(seed.Points.Count, jittered.Points.Count);
                Assert.All(seed.Points.Zip(jittered.Points), pair =>
                {
                    Assert.InRange(pair.Second.X - pair.First.X, -1.5, 1.5);
                    Assert.InRange(pair.Second.Y - pair.First.Y, -1.5, 1.5);
                });
                Assert.InRange(jittered.Width, Math.Max(1, seed.Width - 10), Math.Min(50, seed.Width + 9));
                Assert.All([jittered.Red, jittered.Green, jittered.Blue], c => Assert.InRange(c, 100, 199));
                Assert.Equal(seed.Alpha, jittered.Alpha);
            }
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_jitter()
    {
        var seed = SeedStrokes.Load("star")[0];
        var first = StrokeJitter.Apply(seed, new Random(9));
        var second = StrokeJitter.Apply(seed, new Random(9));
        Assert.Equal(first.Points, second.Points);
        Assert.Equal((first.Width, first.Red, first.Green, first.Blue), (second.Width, second.Red, second.Green, second.Blue));
        Assert.NotEqual(seed.Points, first.Points);
    }
}
