using IsuBench.Checks.Documents;
using IsuBench.Tests.Checks.Fixtures;

namespace IsuBench.Tests.Checks.Documents;

public class SvgDocumentTests
{
    [Fact]
    public void Reads_size_view_box_and_polylines_without_fetching_the_doctype()
    {
        var xml = CraftedPages.Svg((5, "1.5,2 3.25,-4"), (6, "0,0"));
        Assert.True(SvgDocument.TryParse(xml, out var svg, out var problem), problem);
        Assert.Equal(("1024", "768", "0 0 1024 768"), (svg!.Width, svg.Height, svg.ViewBox));
        Assert.Equal(2, svg.Polylines.Count);
        var first = svg.Polylines[0];
        Assert.Equal(("5", "rgba(128,129,130,0.7)", "12"), (first.Id, first.Stroke, first.StrokeWidth));
        Assert.Equal([new Vertex(1.5, 2), new Vertex(3.25, -4)], first.Points);
    }

    [Theory]
    [InlineData("<svg><polyline id=\"1\" points=\"1,2 3\"/></svg>", "polyline 1 has malformed points")]
    [InlineData("<svg><polyline points=\"a,b\"/></svg>", "polyline (no id) has malformed points")]
    [InlineData("<svg width=\"100%\"/>", "the root's width and height must be integers")]
    [InlineData("<svg><polyline id=\"1\" stroke-width=\"1.5\" points=\"1,2\"/></svg>", "polyline 1 has a stroke-width that is not an integer")]
    [InlineData("<svg><polyline id=\"1\" points=\"1,2 \"/></svg>", "polyline 1 has malformed points")]
    [InlineData("<svg><polyline id=\"1\" points=\"\"/></svg>", "polyline 1 has malformed points")]
    [InlineData("", "not well-formed XML")]
    [InlineData("<svg><polyline></svg>", "not well-formed XML")]
    public void Reports_malformed_images(string xml, string problem)
    {
        Assert.False(SvgDocument.TryParse(xml, out var svg, out var actual));
        Assert.Null(svg);
        Assert.StartsWith(problem, actual);
    }

    [Fact]
    public void Reads_as_the_original_did_any_root_and_only_its_own_polylines()
    {
        Assert.True(SvgDocument.TryParse("<image width=\" 10 \"><polyline id=\"1\" points=\"1,2,9 3,4\"/><g><polyline id=\"2\" points=\"x\"/></g></image>", out var svg, out var problem), problem);
        var line = Assert.Single(svg!.Polylines);
        Assert.Equal([new Vertex(1, 2), new Vertex(3, 4)], line.Points);
    }
}
