using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using IsuBench.Bench.Gate;
using IsuBench.Bench.Reports;

namespace IsuBench.Bench.Commands;

/// <summary>
/// <c>isubench gate</c>: compares the runs of results with those of baselines, figure by figure. Exit 3 when a run
/// failed or a figure dropped by more than --max-drop, 5 when the runs cannot tell, 0 otherwise; a line per figure
/// says why and an overall line ends the output. A missing or unreadable result is a usage error (2); a missing or
/// unreadable baseline is a missing environment (4), with how to make one.
/// </summary>
internal static class GateCommand
{
    /// <summary>--max-drop, shared with <c>run</c> (its JUnit score-gate case).</summary>
    public static Option<decimal> MaxDropOption() => FractionOption("--max-drop", "0.10", "10 %", ScoreGate.DefaultMaxDrop,
        "Largest allowed drop as a fraction (0.10 = 10 %) of the baseline's score or figure (of baseline/result for a figure where "
        + "lower is better); exactly this much still passes.");

    // A fraction from 0 to 1, with an error that gives an example (e.g. 0.10 for 10 %) when it is out of range.
    private static Option<decimal> FractionOption(string name, string example, string examplePercent, decimal defaultValue, string description)
    {
        var option = CommandOptions.Number<decimal>(name, $"give a fraction from 0 to 1, e.g. {example} for {examplePercent}");
        option.Description = description;
        option.DefaultValueFactory = _ => defaultValue;
        option.HelpName = "FRACTION";
        option.Validators.Add(result =>
        {
            decimal value;
            try { value = result.GetValueOrDefault<decimal>(); }
            catch (InvalidOperationException) { return; }
            if (value < 0 || value > 1)
                result.AddError($"{name} must be between 0 and 1 (got {value.ToString(CultureInfo.InvariantCulture)}); {example} means {examplePercent}.");
        });
        return option;
    }

    /// <summary>The <c>gate</c> command.</summary>
    public static Command Build()
    {
        var result = new Option<string[]>("--result")
        {
            Description = "The run's result.json (isubench run writes results/<run id>/result.json). Every run of every file (several files, or the runs of run --repeat) is one sample.",
            Required = true,
            HelpName = "FILE",
            AllowMultipleArgumentsPerToken = true,
        };
        var baseline = new Option<string[]>("--baseline")
        {
            Description = "The baseline result.json (or the original bench's {\"pass\",\"score\",\"messages\"} output); its runs are the baseline's samples.",
            DefaultValueFactory = _ => [RunCommand.DefaultBaseline],
            HelpName = "FILE",
            AllowMultipleArgumentsPerToken = true,
        };
        var maxDrop = MaxDropOption();
        var maxCostRise = FractionOption("--max-cost-rise", "0.03", "3 %", GateSettings.DefaultMaxCostRise,
            "Largest allowed rise of what the server spends per request (the figures \"...: cpu ms per request\" and \"...: cpu per request "
            + "relative to the bench\"), in place of "
            + "--max-drop for them: their runs agree far more closely than latencies.");
        var confidence = CommandOptions.Number<double>("--confidence", "give a fraction strictly between 0 and 1, e.g. 0.95 for 95 %");
        confidence.Description = "Confidence of the rank test and of the interval of the ratio of medians when both sides have several runs.";
        confidence.DefaultValueFactory = _ => GateSettings.DefaultConfidence;
        confidence.HelpName = "FRACTION";
        confidence.Validators.Add(option =>
        {
            double value;
            try { value = option.GetValueOrDefault<double>(); }
            catch (InvalidOperationException) { return; }
            if (!(value > 0 && value < 1)) option.AddError($"--confidence must lie strictly between 0 and 1 (got {value.ToString(CultureInfo.InvariantCulture)}); 0.95 means 95 %.");
        });
        var junit = new Option<string?>("--junit")
        {
            Description = "Also write a junit.xml here: one test case per figure, failed for FAIL and skipped for INCONCLUSIVE.",
            HelpName = "FILE",
        };
        var command = new Command("gate",
            "Compare results with a baseline figure by figure: exit 3 when a run failed or a figure dropped by more than --max-drop, 5 when the runs cannot tell, else 0.")
        {
            result, baseline, maxDrop, maxCostRise, confidence, junit,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;

            var (runs, missingRun, invalidRun) = await ReadAllAsync(parseResult.GetRequiredValue(result), cancellationToken);
            if (missingRun is not null)
            {
                await error.WriteLineAsync($"error: --result {missingRun} does not exist; pass the result.json of a run (isubench run writes results/<run id>/result.json).");
                return ExitCodes.UsageError;
            }
            if (invalidRun is not null)
            {
                await error.WriteLineAsync($"error: --result {invalidRun}");
                return ExitCodes.UsageError;
            }

            var (baselines, missingBaseline, invalidBaseline) = await ReadAllAsync(parseResult.GetRequiredValue(baseline), cancellationToken);
            if (missingBaseline is not null)
            {
                await error.WriteLineAsync(
                    $"error: no baseline at {missingBaseline}. Make one from a run you trust: cp results/<run id>/result.json {missingBaseline} (or pass --baseline FILE).");
                return ExitCodes.EnvironmentMissing;
            }
            if (invalidBaseline is not null)
            {
                await error.WriteLineAsync($"error: baseline {invalidBaseline}; replace it with the result.json of a run you trust.");
                return ExitCodes.EnvironmentMissing;
            }

            var settings = new GateSettings(parseResult.GetValue(maxDrop), parseResult.GetValue(confidence))
            {
                MaxCostRise = parseResult.GetValue(maxCostRise),
            };
            var decidedAt = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            GateOutcome outcome;
            try
            {
                outcome = ScoreGate.Evaluate(runs, baselines, settings);
            }
            catch (GateInputException e)
            {
                await error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.UsageError;
            }
            foreach (string line in GateText.Lines(outcome)) await output.WriteLineAsync(line);
            if (parseResult.GetValue(junit) is { } junitPath)
                await File.WriteAllTextAsync(junitPath, JUnitSuite.Text(GateJUnitXml.Render(outcome, settings, decidedAt, clock.Elapsed.TotalSeconds)), cancellationToken);
            return outcome.Decision switch
            {
                GateDecision.Pass => ExitCodes.Pass,
                GateDecision.Inconclusive => ExitCodes.Inconclusive,
                _ => ExitCodes.Regression,
            };
        });
        return command;
    }

    // Reads every file; stops at the first that is missing (its path) or not a result (why).
    private static async Task<(List<ScoreRecord> Records, string? Missing, string? Invalid)> ReadAllAsync(string[] paths, CancellationToken cancellationToken)
    {
        var records = new List<ScoreRecord>();
        foreach (string path in paths)
        {
            try
            {
                records.Add(await ScoreFile.ReadAsync(path, cancellationToken));
            }
            catch (FileNotFoundException)
            {
                return (records, path, null);
            }
            catch (GateInputException e)
            {
                return (records, null, e.Message);
            }
        }
        return (records, null, null);
    }
}
