using System.CommandLine;
using IsuBench.Bench.Compare;
using IsuBench.Bench.Reports;

namespace IsuBench.Bench.Commands;

/// <summary>
/// <c>isubench compare A B [C ...]</c>: compares runs side by side against the first side (score by kind, endpoints, SSE
/// delivery, errors on some sides only), prints the tables and writes compare.md and compare.html. A missing or unreadable
/// side, or fewer than two, is a usage error (2), as for <c>gate</c>'s results.
/// </summary>
internal static class CompareCommand
{
    /// <summary>The parent folder of comparisons without --out, beside the run folders of <c>run</c>.</summary>
    public static readonly string DefaultRoot = Path.Combine(ResultFiles.DefaultRoot, "compare");

    /// <summary>The <c>compare</c> command.</summary>
    public static Command Build()
    {
        var sides = new Argument<string[]>("SIDE")
        {
            Description = "Two or more sides: each a result.json of isubench run, or a folder whose result.json files (at any depth) are several runs "
                + "of one side (medians, with the score's spread). The first is the reference the others are compared with.",
            Arity = ArgumentArity.OneOrMore,
        };
        sides.Validators.Add(result =>
        {
            if (result.Tokens.Count < 2)
                result.AddError("compare needs at least two sides, e.g. isubench compare results/<run id>/result.json results/<other run id>/");
        });
        var outDir = new Option<string>("--out")
        {
            Description = $"Folder for compare.md and compare.html (default: {DefaultRoot}/<time>, the time in UTC, as run's results/<run id>).",
            HelpName = "DIR",
        };
        var command = new Command("compare", "Compare runs side by side against the first: score by kind, endpoints, SSE delivery, errors on some sides only; writes compare.md and compare.html.")
        {
            sides, outDir,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            IReadOnlyList<ComparisonSide> read;
            try
            {
                read = await ComparisonInput.ReadAsync(parseResult.GetRequiredValue(sides), cancellationToken);
            }
            catch (ComparisonInputException e)
            {
                await error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.UsageError;
            }

            var comparison = RunComparison.Of(read);
            CompareConsole.Write(comparison, output, CompareConsole.IsTerminal(output));
            string directory = parseResult.GetValue(outDir) ?? ResultFiles.NewRunDirectory(DefaultRoot, DateTimeOffset.UtcNow);
            try
            {
                await CompareFiles.WriteAsync(directory, comparison, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"error: cannot write the comparison into {directory}: {e.Message}");
                return ExitCodes.UsageError;
            }
            await output.WriteLineAsync($"comparison: {directory}{Path.DirectorySeparatorChar} ({CompareMarkdown.FileName}, {CompareHtml.FileName})");
            await output.WriteLineAsync($"report: {Path.GetFullPath(Path.Combine(directory, CompareHtml.FileName))}");
            return ExitCodes.Pass;
        });
        return command;
    }
}
