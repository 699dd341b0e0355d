using System.Text.Json;
using IsuBench.Data;
using IsuBench.Scenarios.Api;
using IsuBench.Scenarios.Workloads;

namespace IsuBench.Tests.Scenarios.Workloads;

public sealed class JitterTests
{
    [Fact]
    public void Every_embedded_shape_loads_with_its_original_number_of_strokes()
    {
        var counts = SeedStrokes.Names.ToDictionary(name => name, name => StrokeSeeds.Load(name).Count);
        Assert.Equal(new Dictionary<string, int> { ["isu"] = 41, ["star"] = 1, ["stars"] = 6, ["stool"] = 7, ["www"] = 40 }, counts);
        Assert.Equal(1443, StrokeSeeds.Load("isu").Sum(s => s.Points.Count));
        Assert.Throws<ArgumentException>(() => StrokeSeeds.Load("nope"));
    }

    [Fact]
    public void Jitter_stays_within_the_original_ranges_and_keeps_alpha_and_the_number_of_points()
    {
        var random = new Random(1);
        double minDelta = double.MaxValue, maxDelta = double.MinValue;
        var widthDeltas = new HashSet<int>();
        var colours = new HashSet<int>();
        foreach (var name in SeedStrokes.Names)
        {
            foreach (var seed in StrokeSeeds.Load(name))
            {
                for (int round = 0; round < 20; round++)
                {
                    var jittered = Jitter.Fluctuate(seed, random);
                    Assert.Equal(seed.Alpha, jittered.Alpha);
                    Assert.Equal(seed.Points.Count, jittered.Points.Count);
                    Assert.InRange(jittered.Width, 1, 50);
                    if (seed.Width + 9 <= 50)
                    {
                        widthDeltas.Add(jittered.Width - seed.Width);
                    }
                    foreach (int colour in new[] { jittered.Red, jittered.Green, jittered.Blue })
                    {
                        Assert.InRange(colour, 100, 199);
                        colours.Add(colour);
                    }
                    for (int i = 0; i < seed.Points.Count; i++)
                    {
                        foreach (double delta in new[] { jittered.Points[i].X - seed.Points[i].X, jittered.Points[i].Y - seed.Points[i].Y })
                        {
                            Assert.True(delta >= -1.5 && delta < 1.5, $"moved by {delta}");
                            minDelta = Math.Min(minDelta, delta);
                            maxDelta = Math.Max(maxDelta, delta);
                        }
                    }
                }
            }
        }
        // The whole ranges are used, not a part of them: width -10..+9, colours 100..199, points about ±1.5.
        Assert.Equal(Enumerable.Range(-10, 20).ToHashSet(), widthDeltas.Where(d => d >= -10).ToHashSet());
        Assert.Equal(Enumerable.Range(100, 100).ToHashSet(), colours);
        Assert.True(minDelta < -1.49 && maxDelta > 1.49, $"{minDelta}..{maxDelta}");
    }

    [Fact]
    public void A_thin_stroke_is_clamped_to_width_1()
    {
        var seed = new StrokeShape(2, 1, 1, 1, 0.5, [new(0, 0)]);
        var widths = Enumerable.Range(0, 200).Select(i => Jitter.Fluctuate(seed, new Random(i)).Width).ToHashSet();
        Assert.Contains(1, widths);
        Assert.All(widths, w => Assert.InRange(w, 1, 11));
    }

    [Fact]
    public void The_same_seed_gives_the_same_strokes_and_another_seed_different_ones()
    {
        var seeds = StrokeSeeds.Load("www");
        string Draw(int seed)
        {
            var random = new Random(seed);
            return string.Join("\n", seeds.Select(s => RequestBodies.Stroke(5, Jitter.Fluctuate(s, random))));
        }
        Assert.Equal(Draw(3), Draw(3));
        Assert.NotEqual(Draw(3), Draw(4));
    }

    [Fact]
    public void The_posted_body_carries_the_room_and_every_field_of_the_stroke()
    {
        var stroke = new StrokeShape(12, 100, 150, 199, 0.7, [new(1.25, 2.5), new(-3, 4)]);
        using var body = JsonDocument.Parse(RequestBodies.Stroke(42, stroke));
        var root = body.RootElement;
        Assert.Equal(42, root.GetProperty("room_id").GetInt64());
        Assert.Equal((12, 100, 150, 199, 0.7), (root.GetProperty("width").GetInt32(), root.GetProperty("red").GetInt32(),
            root.GetProperty("green").GetInt32(), root.GetProperty("blue").GetInt32(), root.GetProperty("alpha").GetDouble()));
        Assert.Equal([(1.25, 2.5), (-3.0, 4.0)], root.GetProperty("points").EnumerateArray()
            .Select(p => (p.GetProperty("x").GetDouble(), p.GetProperty("y").GetDouble())).ToList());
    }
}
