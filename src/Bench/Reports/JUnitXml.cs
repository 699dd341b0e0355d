using System.Globalization;
using System.Xml.Linq;
using IsuBench.Bench.Gate;

namespace IsuBench.Bench.Reports;

/// <summary>
/// <c>junit.xml</c> for CI systems: one test case per check of the initial check (failed when any of its
/// verdicts failed, skipped when it did not run), one for the load phase's critical errors, one per run of
/// <c>run --repeat</c>, and one for the score gate.
/// </summary>
public static class JUnitXml
{
    /// <summary>The file name inside a run's folder.</summary>
    public const string FileName = "junit.xml";

    /// <summary>The XML for <paramref name="result"/>; <paramref name="gate"/> is null when there was no baseline to compare with.</summary>
    public static XDocument Render(ResultDocument result, GateOutcome? gate)
    {
        var cases = new List<XElement>();
        foreach (var check in result.Checks)
        {
            var failures = check.Verdicts.Where(v => !v.Passed).ToList();
            var testCase = new XElement("testcase",
                new XAttribute("classname", "isubench.initial_check"),
                new XAttribute("name", check.Name),
                new XAttribute("time", Seconds(check.DurationSeconds)));
            if (check.Skipped)
                testCase.Add(new XElement("skipped", new XAttribute("message", "not run: the target had stopped answering")));
            else if (failures.Count > 0)
            {
                var first = failures[0];
                testCase.Add(new XElement("failure",
                    new XAttribute("message", $"{first.Rule}: {first.Message}{(failures.Count > 1 ? $" (+{failures.Count - 1} more failures)" : "")}"),
                    new XAttribute("type", failures.Any(f => f.Critical) ? "critical" : "ordinary"),
                    string.Join("\n\n", failures.Select(f => $"{f.Rule}: {f.Message}\n{f.Request}\nexpected: {f.Expected}\ngot: {f.Actual}"))));
            }
            else
                testCase.Add(new XElement("system-out", $"{check.Verdicts.Count} verdicts passed"));
            cases.Add(testCase);
        }

        if (result.LoadRan)
        {
            var critical = result.Errors.Where(e => e.Kind == "critical").ToList();
            var load = new XElement("testcase",
                new XAttribute("classname", "isubench.load"),
                new XAttribute("name", "no critical errors under load"),
                new XAttribute("time", Seconds(result.Options.DurationSeconds)));
            if (critical.Count > 0)
                load.Add(new XElement("failure",
                    new XAttribute("message", critical[0].Message),
                    new XAttribute("type", "critical"),
                    string.Join('\n', critical.Select(e => $"{e.Count}× {e.Message}"))));
            load.Add(new XElement("system-out", $"score {result.Score}; errors {result.Errors.Sum(e => e.Count)}"));
            cases.Add(load);
        }

        // Repeated runs: the checks above are the median run's; each run passes or fails on its own.
        foreach (var run in result.Repeat?.Runs ?? [])
        {
            var runCase = new XElement("testcase",
                new XAttribute("classname", "isubench.repeat"),
                new XAttribute("name", run.RunId),
                new XAttribute("time", "0"));
            if (!run.Pass)
                runCase.Add(new XElement("failure", new XAttribute("message", $"{run.RunId} failed (score {run.Score}); see {run.RunId}/junit.xml"), new XAttribute("type", "critical")));
            runCase.Add(new XElement("system-out", $"score {run.Score}{(run.Interrupted ? " (interrupted)" : "")}"));
            cases.Add(runCase);
        }

        var gateCase = new XElement("testcase",
            new XAttribute("classname", "isubench.gate"),
            new XAttribute("name", "score gate"),
            new XAttribute("time", "0"));
        if (gate is null)
            gateCase.Add(new XElement("skipped", new XAttribute("message", "no baseline to compare with")));
        else if (!gate.Passed)
            gateCase.Add(new XElement("failure", new XAttribute("message", gate.Reason), new XAttribute("type", "gate")));
        else
            gateCase.Add(new XElement("system-out", gate.Reason));
        cases.Add(gateCase);

        int failuresCount = cases.Count(c => c.Element("failure") is not null);
        int skipped = cases.Count(c => c.Element("skipped") is not null);
        var suite = new XElement("testsuite",
            new XAttribute("name", "isubench"),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", failuresCount),
            new XAttribute("errors", 0),
            new XAttribute("skipped", skipped),
            new XAttribute("timestamp", result.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            new XAttribute("time", Seconds((result.EndedAt - result.StartedAt).TotalSeconds)),
            new XElement("properties",
                Property("run_id", result.RunId), Property("target", string.Join(',', result.Target)),
                Property("seed", result.Seed.ToString(CultureInfo.InvariantCulture)), Property("score", result.Score.ToString(CultureInfo.InvariantCulture)),
                Property("pass", result.Pass ? "true" : "false"), Property("bench_version", result.BenchVersion)),
            cases);
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites", new XAttribute("name", "isubench"), new XAttribute("tests", cases.Count),
                new XAttribute("failures", failuresCount), suite));
    }

    private static XElement Property(string name, string value) =>
        new("property", new XAttribute("name", name), new XAttribute("value", value));

    private static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
