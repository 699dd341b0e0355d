using System.Xml.Linq;
using IsuBench.Bench.Gate;
using IsuBench.Bench.Reports;
using IsuBench.Tests.Bench.Infrastructure;

namespace IsuBench.Tests.Bench.Gate;

public sealed class GateJUnitXmlTests
{
    [Theory]
    [InlineData(GateDecision.Pass, null)]
    [InlineData(GateDecision.Fail, "failure")]
    [InlineData(GateDecision.Inconclusive, "skipped")]
    public void A_gate_case_fails_for_fail_is_skipped_for_inconclusive_and_always_holds_its_line(GateDecision decision, string? outcome)
    {
        var testCase = GateJUnitXml.Case("score", decision, "the line");

        Assert.Equal("isubench.gate", (string)testCase.Attribute("classname")!);
        Assert.Equal("the line", testCase.Element("system-out")!.Value);
        Assert.Equal(outcome, testCase.Elements().Select(e => e.Name.LocalName).SingleOrDefault(n => n != "system-out"));
        if (outcome is not null) Assert.Equal("the line", (string)testCase.Element(outcome)!.Attribute("message")!);
    }

    [Fact]
    public void The_run_junit_skips_its_score_gate_case_when_the_gate_is_inconclusive()
    {
        var xml = JUnitXml.Render(SampleResults.PassingDocument(), new GateOutcome(GateDecision.Inconclusive, "INCONCLUSIVE: why"));
        var gate = XDocument.Parse(JUnitSuite.Text(xml)).Descendants("testcase").Single(c => (string)c.Attribute("name")! == "score gate");

        Assert.Equal("INCONCLUSIVE: why", (string)gate.Element("skipped")!.Attribute("message")!);
        Assert.Null(gate.Element("failure"));
    }
}
