using System.Text.Json;
using IsuBench.Scenarios.Drawing;

namespace IsuBench.Tests.Scenarios.Drawing;

public sealed class SeedStrokesTests
{
    [Theory]
    [InlineData("isu", 41)]
    [InlineData("star", 1)]
    [InlineData("stars", 6)]
    [InlineData("stool", 7)]
    [InlineData("www", 40)]
    public void Every_original_shape_is_embedded(string name, int strokes)
    {
        var shape = SeedStrokes.Load(name);
        Assert.Equal(strokes, shape.Count);
        Assert.All(shape, s => Assert.NotEmpty(s.Points));
    }

    [Fact]
    public void The_first_stool_stroke_reads_as_the_file_holds_it()
    {
        var first = SeedStrokes.Load("stool")[0];
        Assert.Equal((20, 128, 128, 128, 0.7), (first.Width, first.Red, first.Green, first.Blue, first.Alpha));
        Assert.Equal(182, first.Points.Count);
        Assert.Equal(567.5, first.Points[0].X);
        Assert.Equal(165.1875, first.Points[0].Y);
    }

    [Fact]
    public void The_request_body_carries_every_field_and_point()
    {
        var stroke = SeedStrokes.Load("stool")[0];
        using var body = JsonDocument.Parse(StrokeRequestBody.Write(stroke));
        var root = body.RootElement;
        Assert.Equal(20, root.GetProperty("width").GetInt32());
        Assert.Equal(128, root.GetProperty("red").GetInt32());
        Assert.Equal(0.7, root.GetProperty("alpha").GetDouble());
        var points = root.GetProperty("points");
        Assert.Equal(stroke.Points.Count, points.GetArrayLength());
        Assert.Equal(stroke.Points[^1].X, points[stroke.Points.Count - 1].GetProperty("x").GetDouble());
        Assert.Equal(stroke.Points[^1].Y, points[stroke.Points.Count - 1].GetProperty("y").GetDouble());
    }
}
