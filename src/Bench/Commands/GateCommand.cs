using System.CommandLine;
using System.Globalization;
using IsuBench.Bench.Gate;

namespace IsuBench.Bench.Commands;

/// <summary>
/// <c>isubench gate</c>: compares a run's result (or the median of several runs) with a baseline. Exit 3 when a run failed
/// or the score dropped by more than --max-drop, 0 otherwise; one line says why. A missing or unreadable result is a usage error (2); a missing or
/// unreadable baseline is a missing environment (4), with how to make one.
/// </summary>
public static class GateCommand
{
    /// <summary>--max-drop, shared with <c>run</c> (its JUnit score-gate case).</summary>
    public static Option<decimal> MaxDropOption()
    {
        var option = new Option<decimal>("--max-drop")
        {
            Description = "Largest allowed score drop as a fraction of the baseline's score (0.10 = 10 %); exactly this much still passes.",
            DefaultValueFactory = _ => ScoreGate.DefaultMaxDrop,
            HelpName = "FRACTION",
        };
        option.Validators.Add(result =>
        {
            decimal value;
            try { value = result.GetValueOrDefault<decimal>(); }
            catch (InvalidOperationException) { return; }
            if (value < 0 || value > 1) result.AddError($"--max-drop must be between 0 and 1 (got {value.ToString(CultureInfo.InvariantCulture)}); 0.10 means 10 %.");
        });
        return option;
    }

    /// <summary>The <c>gate</c> command.</summary>
    public static Command Build()
    {
        var result = new Option<string[]>("--result")
        {
            Description = "The run's result.json (isubench run writes results/<run id>/result.json). Give several runs to gate on their median score.",
            Required = true,
            HelpName = "FILE",
            AllowMultipleArgumentsPerToken = true,
        };
        var baseline = new Option<string[]>("--baseline")
        {
            Description = "The baseline result.json (or the original bench's {\"pass\",\"score\",\"messages\"} output); several give their median.",
            DefaultValueFactory = _ => [RunCommand.DefaultBaseline],
            HelpName = "FILE",
            AllowMultipleArgumentsPerToken = true,
        };
        var maxDrop = MaxDropOption();
        var command = new Command("gate", "Compare results with a baseline: exit 3 when a run failed or the (median) score dropped by more than --max-drop, else 0.")
        {
            result, baseline, maxDrop,
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

            var outcome = ScoreGate.Evaluate(runs, baselines, parseResult.GetValue(maxDrop));
            await output.WriteLineAsync(outcome.Reason);
            return outcome.Passed ? ExitCodes.Pass : ExitCodes.Regression;
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
