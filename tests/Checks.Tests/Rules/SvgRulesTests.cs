using IsuBench.Checks.Documents;
using IsuBench.Checks.Rules;
using IsuBench.Tests.Checks.Fixtures;

namespace IsuBench.Tests.Checks.Rules;

public class SvgRulesTests
{
    private const string Request = "GET /img/3";
    private static readonly Vertex[] Posted = [new(1.5, 2.25), new(3, 4)];

    [Fact]
    public void The_newest_stroke_with_matching_points_passes()
    {
        var image = Read(CraftedPages.Svg((6, "0,0"), (7, "1.55,2.2 3.1,3.9")));
        VerdictAssert.AllPassed(SvgRules.StrokeReflected(image, 7, Posted, Request));
    }

    [Fact]
    public void An_image_missing_the_newest_stroke_is_critical()
    {
        var image = Read(CraftedPages.Svg((6, "0,0")));
        var verdict = VerdictAssert.OnlyFailure(SvgRules.StrokeReflected(image, 7, Posted, Request));
        VerdictAssert.Failed(verdict, "svg.stroke-present", "The posted stroke is not reflected in the SVG image", critical: true);
        Assert.Equal(("<polyline id=\"7\">", "1 polylines, last id 6"), (verdict.Evidence.Expected, verdict.Evidence.Actual));
    }

    [Fact]
    public void A_missing_point_is_critical()
    {
        var verdict = VerdictAssert.OnlyFailure(SvgRules.StrokeReflected(Read(CraftedPages.Svg((7, "1.5,2.25"))), 7, Posted, Request));
        VerdictAssert.Failed(verdict, "svg.point-count", "The posted stroke is not reflected in the SVG image (the number of points differs)", critical: true);
    }

    [Fact]
    public void A_point_moved_by_two_tenths_is_critical()
    {
        var verdict = VerdictAssert.OnlyFailure(SvgRules.StrokeReflected(Read(CraftedPages.Svg((7, "1.5,2.25 3.2,4"))), 7, Posted, Request));
        VerdictAssert.Failed(verdict, "svg.point-values", "The posted stroke is not reflected in the SVG image (x,y values were altered)", critical: true);
    }

    [Fact]
    public void An_unreadable_image_is_critical()
    {
        Assert.True(SvgRules.ReadImage(CraftedPages.Svg(), Request).Ok);
        VerdictAssert.Failed(SvgRules.ReadImage("<svg><polyline></svg>", Request).Verdict,
            "svg.parse", "The SVG image could not be parsed", critical: true);
        VerdictAssert.Failed(SvgRules.ReadImage("{\"error\":\"not found\"}", Request).Verdict,
            "svg.parse", "The SVG image could not be parsed", critical: true);
    }

    private static SvgDocument Read(string xml)
    {
        var read = SvgRules.ReadImage(xml, Request);
        Assert.True(read.Ok, read.Verdict.ToString());
        return read.Value!;
    }
}
