using System.CommandLine;
using System.Globalization;
using IsuBench.Bench.Gate;

namespace IsuBench.Bench.Commands;

/// <summary>
/// <c>isubench gate</c>: compares a run's result with a baseline. Exit 3 when the run failed or its score dropped by more
/// than --max-drop, 0 otherwise; one line says why. A missing or unreadable result is a usage error (2); a missing or
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
        var result = new Option<string>("--result") { Description = "The run's result.json (isubench run writes results/<run id>/result.json).", Required = true, HelpName = "FILE" };
        var baseline = new Option<string>("--baseline")
        {
            Description = "The baseline result.json (or the original bench's {\"pass\",\"score\",\"messages\"} output).",
            DefaultValueFactory = _ => RunCommand.DefaultBaseline,
            HelpName = "FILE",
        };
        var maxDrop = MaxDropOption();
        var command = new Command("gate", "Compare a result with a baseline: exit 3 when the run failed or the score dropped by more than --max-drop, else 0.")
        {
            result, baseline, maxDrop,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            string resultPath = parseResult.GetRequiredValue(result);
            string baselinePath = parseResult.GetRequiredValue(baseline);

            ScoreRecord current;
            try
            {
                current = await ScoreFile.ReadAsync(resultPath, cancellationToken);
            }
            catch (FileNotFoundException)
            {
                await error.WriteLineAsync($"error: --result {resultPath} does not exist; pass the result.json of a run (isubench run writes results/<run id>/result.json).");
                return ExitCodes.UsageError;
            }
            catch (GateInputException e)
            {
                await error.WriteLineAsync($"error: --result {e.Message}");
                return ExitCodes.UsageError;
            }

            ScoreRecord reference;
            try
            {
                reference = await ScoreFile.ReadAsync(baselinePath, cancellationToken);
            }
            catch (FileNotFoundException)
            {
                await error.WriteLineAsync(
                    $"error: no baseline at {baselinePath}. Make one from a run you trust: cp results/<run id>/result.json {baselinePath} (or pass --baseline FILE).");
                return ExitCodes.EnvironmentMissing;
            }
            catch (GateInputException e)
            {
                await error.WriteLineAsync($"error: baseline {e.Message}; replace it with the result.json of a run you trust.");
                return ExitCodes.EnvironmentMissing;
            }

            var outcome = ScoreGate.Evaluate(current, reference, parseResult.GetValue(maxDrop));
            await output.WriteLineAsync(outcome.Reason);
            return outcome.Passed ? ExitCodes.Pass : ExitCodes.Regression;
        });
        return command;
    }
}
