using System.Globalization;
using System.Xml.Linq;

namespace IsuBench.Bench.Reports;

/// <summary>
/// What every junit.xml IsuBench writes shares: a test case's element, and the document of one suite whose counts of
/// tests, failures and skips are taken from its cases.
/// </summary>
internal static class JUnitSuite
{
    /// <summary>A test case without an outcome yet; add a <c>failure</c>, <c>skipped</c> or <c>system-out</c> element.</summary>
    public static XElement Case(string className, string name, double seconds) =>
        new("testcase", new XAttribute("classname", className), new XAttribute("name", name), new XAttribute("time", Seconds(seconds)));

    /// <summary>
    /// The document of one suite named <paramref name="name"/> holding <paramref name="cases"/>, started at
    /// <paramref name="startedAt"/> and lasting <paramref name="seconds"/>, with <paramref name="properties"/>.
    /// </summary>
    public static XDocument Document(
        string name, IReadOnlyList<XElement> cases, DateTimeOffset startedAt, double seconds, IEnumerable<(string Name, string Value)> properties)
    {
        int failures = cases.Count(c => c.Element("failure") is not null);
        int skipped = cases.Count(c => c.Element("skipped") is not null);
        var suite = new XElement("testsuite",
            new XAttribute("name", name),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("skipped", skipped),
            new XAttribute("timestamp", startedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            new XAttribute("time", Seconds(seconds)),
            new XElement("properties", properties.Select(p => new XElement("property", new XAttribute("name", p.Name), new XAttribute("value", p.Value)))),
            cases);
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites", new XAttribute("name", name), new XAttribute("tests", cases.Count), new XAttribute("failures", failures), suite));
    }

    /// <summary>The file's text: the declaration, the document, a final newline.</summary>
    public static string Text(XDocument document) => document.Declaration + "\n" + document.Root + "\n";

    private static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
