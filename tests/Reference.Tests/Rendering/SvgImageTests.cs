using System.Xml;
using System.Xml.Linq;
using IsuBench.Reference.Domain;
using IsuBench.Reference.Rendering;
using static IsuBench.Tests.Reference.Rendering.SampleRooms;

namespace IsuBench.Tests.Reference.Rendering;

public sealed class SvgImageTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XDocument Parse(string text)
    {
        // The doctype names an external DTD; parse without fetching it.
        using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    [Fact]
    public void Starts_with_the_xml_prolog_and_the_svg_1_1_doctype()
    {
        var text = SvgImage.Render(Room(1, "r", 0));

        Assert.StartsWith("<?xml version=\"1.0\"", text);
        Assert.Contains("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">", text);
        Assert.True(text.IndexOf("<?xml", StringComparison.Ordinal) < text.IndexOf("<!DOCTYPE", StringComparison.Ordinal));
    }

    [Fact]
    public void Svg_element_has_the_canvas_size_and_a_matching_view_box()
    {
        var room = new Room(7, "r", 640, 480, CreatedAt, [], 0, 0);

        var svg = Parse(SvgImage.Render(room)).Root!;

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("640", svg.Attribute("width")?.Value);
        Assert.Equal("480", svg.Attribute("height")?.Value);
        Assert.Equal("0 0 640 480", svg.Attribute("viewBox")?.Value);
    }

    [Fact]
    public void One_polyline_per_stroke_in_the_given_order_with_every_attribute()
    {
        var room = Room(1, "r", 2,
            Stroke(5, 1, (1.5, 2.25), (3, 4)),
            Stroke(9, 1, (-0.5, 1000.1234)));

        var polylines = Parse(SvgImage.Render(room)).Root!.Elements(Svg + "polyline").ToList();

        Assert.Equal(["5", "9"], polylines.Select(p => p.Attribute("id")?.Value));
        var first = polylines[0];
        Assert.Equal("rgba(100,150,199,0.7)", first.Attribute("stroke")?.Value);
        Assert.Equal("12", first.Attribute("stroke-width")?.Value);
        Assert.Equal("round", first.Attribute("stroke-linecap")?.Value);
        Assert.Equal("round", first.Attribute("stroke-linejoin")?.Value);
        Assert.Equal("none", first.Attribute("fill")?.Value);
        Assert.Equal("1.5,2.25 3,4", first.Attribute("points")?.Value);
        Assert.Equal("-0.5,1000.1234", polylines[1].Attribute("points")?.Value);
    }

    [Fact]
    public void Polyline_is_written_in_the_contract_s_attribute_order()
    {
        var text = SvgImage.Render(Room(1, "r", 1, Stroke(3, 1, (1, 2))));

        Assert.Contains(
            "<polyline id=\"3\" stroke=\"rgba(100,150,199,0.7)\" stroke-width=\"12\" stroke-linecap=\"round\" stroke-linejoin=\"round\" fill=\"none\" points=\"1,2\"/>",
            text);
    }

    [Fact]
    public void Room_name_never_reaches_the_image()
    {
        var text = SvgImage.Render(Room(1, "<b>&\"", 0));

        Assert.DoesNotContain("<b>", text);
        Parse(text); // still well-formed
    }

    [Fact]
    public void Numbers_keep_full_precision_with_a_dot()
    {
        var stroke = new Stroke(1, 1, 1, 0, 0, 0, 0.5, CreatedAt, [new Point(1, 1, 0.1 + 0.2, 1e-5)]);

        var polyline = Parse(SvgImage.Render(Room(1, "r", 1, stroke))).Root!.Element(Svg + "polyline")!;

        var xy = polyline.Attribute("points")!.Value.Split(',');
        Assert.Equal(0.1 + 0.2, double.Parse(xy[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1e-5, double.Parse(xy[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("rgba(0,0,0,0.5)", polyline.Attribute("stroke")?.Value);
    }
}
