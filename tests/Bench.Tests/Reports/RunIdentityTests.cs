using System.Xml.Linq;
using AngleSharp.Html.Parser;
using IsuBench.Bench.Reports;
using IsuBench.Tests.Bench.Infrastructure;

namespace IsuBench.Tests.Bench.Reports;

/// <summary>Every report names the front end the checks expected, the server profile the target named, and the bench's version.</summary>
public sealed class RunIdentityTests
{
    private static ResultDocument Tuned() => SampleResults.PassingDocument() with
    {
        Options = SampleResults.PassingDocument().Options with { FrontEnd = "isucon6f" },
        ServerProfile = "tuned",
        ServerVersion = "0.9.0+abc",
    };

    private const string Named = "front end isucon6f · server profile tuned (server version 0.9.0+abc) · isubench 9.9.9-test";

    [Fact]
    public void The_console_summary_names_all_three_under_the_score()
    {
        var lines = ConsoleSummary.Render(Tuned()).Split('\n');
        Assert.Equal(Named, lines[1]);
    }

    [Fact]
    public void The_markdown_summary_names_all_three()
    {
        Assert.Contains("\n- front end isucon6f, server profile tuned (server version 0.9.0+abc), isubench 9.9.9-test\n", MarkdownSummary.Render(Tuned()));
    }

    [Fact]
    public void The_html_report_names_all_three()
    {
        var page = new HtmlParser().ParseDocument(HtmlReport.Render(Tuned()));
        Assert.Equal(Named, page.QuerySelector("#identity")!.TextContent);
    }

    [Fact]
    public void Junit_xml_names_all_three_as_properties()
    {
        var properties = XDocument.Parse(JUnitSuite.Text(JUnitXml.Render(Tuned(), gate: null))).Descendants("property")
            .ToDictionary(p => (string)p.Attribute("name")!, p => (string)p.Attribute("value")!);
        Assert.Equal("isucon6f", properties["front_end"]);
        Assert.Equal("tuned", properties["server_profile"]);
        Assert.Equal("0.9.0+abc", properties["server_version"]);
        Assert.Equal("9.9.9-test", properties["bench_version"]);
    }

    [Fact]
    public void A_server_that_did_not_say_is_named_as_not_reported_and_junit_leaves_it_out()
    {
        var result = SampleResults.PassingDocument();
        Assert.Null(result.ServerProfile);
        const string named = "front end reference · server profile not reported · isubench 9.9.9-test";
        Assert.Equal(named, ConsoleSummary.Render(result).Split('\n')[1]);
        Assert.Contains("- front end reference, server profile not reported, isubench 9.9.9-test\n", MarkdownSummary.Render(result));
        Assert.Equal(named, new HtmlParser().ParseDocument(HtmlReport.Render(result)).QuerySelector("#identity")!.TextContent);
        Assert.DoesNotContain(XDocument.Parse(JUnitSuite.Text(JUnitXml.Render(result, gate: null))).Descendants("property"),
            p => (string)p.Attribute("name")! == "server_profile");
    }

    [Fact]
    public void Result_json_keeps_the_server_profile_and_reads_it_back()
    {
        var read = ResultJson.Deserialize(ResultJson.Serialize(Tuned()));
        Assert.Equal(("tuned", "0.9.0+abc", "isucon6f"), (read.ServerProfile, read.ServerVersion, read.Options.FrontEnd));
    }
}
