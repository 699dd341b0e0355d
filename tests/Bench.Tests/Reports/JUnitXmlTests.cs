using System.Xml.Linq;
using IsuBench.Bench.Gate;
using IsuBench.Bench.Reports;
using IsuBench.Tests.Bench.Infrastructure;

namespace IsuBench.Tests.Bench.Reports;

public sealed class JUnitXmlTests
{
    private static XDocument ParsedBack(ResultDocument result, GateOutcome? gate)
    {
        var xml = JUnitXml.Render(result, gate);
        return XDocument.Parse(xml.Declaration + "\n" + xml.Root);
    }

    [Fact]
    public void A_passing_run_has_one_case_per_check_one_for_the_load_and_one_for_the_gate_all_passing()
    {
        var junit = ParsedBack(SampleResults.PassingDocument(), new GateOutcome(true, "PASS: score 1 vs baseline 1"));
        var cases = junit.Descendants("testcase").ToList();
        Assert.Equal(["token-refresh", "stroke-reflection", "no critical errors under load", "score gate"], cases.Select(c => (string)c.Attribute("name")!));
        Assert.DoesNotContain(cases, c => c.Element("failure") is not null || c.Element("skipped") is not null);
        var suite = junit.Root!.Element("testsuite")!;
        Assert.Equal("4", (string)suite.Attribute("tests")!);
        Assert.Equal("0", (string)suite.Attribute("failures")!);
        Assert.Equal("7", (string)suite.Descendants("property").Single(p => (string)p.Attribute("name")! == "seed").Attribute("value")!);
    }

    [Fact]
    public void A_failed_check_is_a_failed_case_with_its_evidence_and_a_skipped_check_is_skipped()
    {
        var junit = ParsedBack(SampleResults.FailingDocument(), gate: null);
        var cases = junit.Descendants("testcase").ToDictionary(c => (string)c.Attribute("name")!);
        // The load phase did not run: no load case.
        Assert.Equal(["token-refresh", "stroke-reflection", "static-files", "score gate"], cases.Keys);
        var failure = cases["stroke-reflection"].Element("failure")!;
        Assert.Equal("svg.stroke-present: the SVG lacks the stroke", (string)failure.Attribute("message")!);
        Assert.Equal("critical", (string)failure.Attribute("type")!);
        Assert.Contains("expected: a polyline with id 7", failure.Value);
        Assert.NotNull(cases["static-files"].Element("skipped"));
        Assert.NotNull(cases["score gate"].Element("skipped"));
        var suite = junit.Root!.Element("testsuite")!;
        Assert.Equal("1", (string)suite.Attribute("failures")!);
        Assert.Equal("2", (string)suite.Attribute("skipped")!);
    }

    [Fact]
    public void A_failed_gate_is_a_failed_case_with_its_reason()
    {
        var junit = ParsedBack(SampleResults.PassingDocument(), new GateOutcome(false, "REGRESSION: score 80 is 20 % below the baseline's 100"));
        var gate = junit.Descendants("testcase").Single(c => (string)c.Attribute("name")! == "score gate");
        Assert.Equal("REGRESSION: score 80 is 20 % below the baseline's 100", (string)gate.Element("failure")!.Attribute("message")!);
    }

    [Fact]
    public void A_check_of_one_verdict_says_verdict_in_the_singular()
    {
        var cases = ParsedBack(SampleResults.PassingDocument(), gate: null).Descendants("testcase").ToDictionary(c => (string)c.Attribute("name")!);
        Assert.Equal("2 verdicts passed", cases["token-refresh"].Element("system-out")!.Value);
        Assert.Equal("1 verdict passed", cases["stroke-reflection"].Element("system-out")!.Value);
    }
}
