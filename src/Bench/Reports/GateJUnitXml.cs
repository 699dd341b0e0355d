using System.Globalization;
using System.Xml.Linq;
using IsuBench.Bench.Gate;

namespace IsuBench.Bench.Reports;

/// <summary>
/// <c>junit.xml</c> of <c>isubench gate --junit</c>: one test case per compared figure (a failure for FAIL, skipped
/// with the reason for INCONCLUSIVE, its numbers in system-out), one skipped case per figure only one side had, and a
/// single failed case when a failed run decided alone. The gate case of <see cref="JUnitXml"/> is made the same way.
/// </summary>
internal static class GateJUnitXml
{
    /// <summary>The class name of the gate's test cases.</summary>
    public const string ClassName = "isubench.gate";

    /// <summary>The XML for <paramref name="outcome"/>, decided at <paramref name="decidedAt"/> in <paramref name="seconds"/>.</summary>
    public static XDocument Render(GateOutcome outcome, GateSettings settings, DateTimeOffset decidedAt, double seconds)
    {
        var cases = new List<XElement>();
        if (outcome.Figures.Count == 0)
            cases.Add(Case("every run passed", outcome.Decision, outcome.Reason));
        cases.AddRange(outcome.Figures.Select(f => Case(f.Name, f.Decision, f.Line)));
        foreach (var figure in outcome.Skipped)
        {
            var skipped = JUnitSuite.Case(ClassName, figure.Name, 0);
            skipped.Add(new XElement("skipped", new XAttribute("message", $"only the {figure.OnlyIn} have this figure")));
            cases.Add(skipped);
        }
        return JUnitSuite.Document("isubench gate", cases, decidedAt, seconds,
        [
            ("decision", GateText.Word(outcome.Decision)),
            ("max_drop", settings.MaxDrop.ToString(CultureInfo.InvariantCulture)),
            ("max_cost_rise", settings.MaxCostRise.ToString(CultureInfo.InvariantCulture)),
            ("confidence", settings.Confidence.ToString(CultureInfo.InvariantCulture)),
        ]);
    }

    /// <summary>
    /// A gate test case named <paramref name="name"/>: a failure for FAIL, skipped for INCONCLUSIVE, each with
    /// <paramref name="line"/> as its message; the line is the system-out in every case.
    /// </summary>
    public static XElement Case(string name, GateDecision decision, string line)
    {
        var testCase = JUnitSuite.Case(ClassName, name, 0);
        if (decision == GateDecision.Fail)
            testCase.Add(new XElement("failure", new XAttribute("message", line), new XAttribute("type", "gate")));
        else if (decision == GateDecision.Inconclusive)
            testCase.Add(new XElement("skipped", new XAttribute("message", line)));
        testCase.Add(new XElement("system-out", line));
        return testCase;
    }
}
