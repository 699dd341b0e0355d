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
            var testCase = JUnitSuite.Case("isubench.initial_check", check.Name, check.DurationSeconds);
            if (check.Skipped)
                testCase.Add(new XElement("skipped", new XAttribute("message", "not run: the target had stopped answering")));
            else if (failures.Count > 0)
            {
                var first = failures[0];
                testCase.Add(new XElement("failure",
                    new XAttribute("message", $"{first.Rule}: {first.Message}{(failures.Count > 1 ? $" (+{Quantity.Of(failures.Count - 1, "more failure", "more failures")})" : "")}"),
                    new XAttribute("type", failures.Any(f => f.Critical) ? "critical" : "ordinary"),
                    string.Join("\n\n", failures.Select(f => $"{f.Rule}: {f.Message}\n{f.Request}\nexpected: {f.Expected}\ngot: {f.Actual}"))));
            }
            else
                testCase.Add(new XElement("system-out", $"{Quantity.Of(check.Verdicts.Count, "verdict")} passed"));
            cases.Add(testCase);
        }

        if (result.LoadRan)
        {
            var critical = result.Errors.Where(e => e.Kind == "critical").ToList();
            var load = JUnitSuite.Case("isubench.load", "no critical errors under load", result.Options.DurationSeconds);
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

        if (gate is null)
        {
            var gateCase = JUnitSuite.Case(GateJUnitXml.ClassName, "score gate", 0);
            gateCase.Add(new XElement("skipped", new XAttribute("message", "no baseline to compare with")));
            cases.Add(gateCase);
        }
        else
            cases.Add(GateJUnitXml.Case("score gate", gate.Decision, gate.Reason));

        List<(string, string)> properties =
        [
            ("run_id", result.RunId), ("target", string.Join(',', result.Target)),
            ("seed", result.Seed.ToString(CultureInfo.InvariantCulture)), ("score", result.Score.ToString(CultureInfo.InvariantCulture)),
            ("pass", result.Pass ? "true" : "false"), ("front_end", result.Options.FrontEnd), ("bench_version", result.BenchVersion),
        ];
        // Only what the target said: an absent property reads as unknown, an empty one would not.
        if (result.ServerProfile is { } profile) properties.Add(("server_profile", profile));
        if (result.ServerVersion is { } version) properties.Add(("server_version", version));
        return JUnitSuite.Document("isubench", cases, result.StartedAt, (result.EndedAt - result.StartedAt).TotalSeconds, properties);
    }
}
