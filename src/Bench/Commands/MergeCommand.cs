using System.CommandLine;
using IsuBench.Bench.Reports;
using IsuBench.Bench.Segments;

namespace IsuBench.Bench.Commands;

/// <summary>
/// <c>isubench merge FILES|FOLDER --out DIR</c>: one run's result files from its segments' partial results (<c>run --segment I/N</c>),
/// merged exactly (<see cref="SegmentMerge"/>). Exit 0 when the merged run passes, 1 when it fails (a segment missing or failed
/// among the reasons), 2 when the inputs cannot be read or are not of one run.
/// </summary>
internal static class MergeCommand
{
    /// <summary>The <c>merge</c> command.</summary>
    public static Command Build()
    {
        var inputs = new Argument<string[]>("FILES|FOLDER")
        {
            Description = $"Partial results of one run's segments: files, or folders whose {PartialResultInput.Pattern} files are read.",
            Arity = ArgumentArity.OneOrMore,
        };
        var outDir = new Option<string>("--out")
        {
            Description = "Folder for the merged run's result.json, summary.md, report.html and junit.xml.",
            HelpName = "DIR",
            Required = true,
        };
        var command = new Command("merge", "Merge the partial results of a run's segments (run --segment I/N) into the run's result files: scores, counts and errors summed, histograms added exactly, time series by wall clock.")
        {
            inputs, outDir,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            string directory = parseResult.GetRequiredValue(outDir);
            ResultDocument document;
            try
            {
                var (partials, unreadable) = await PartialResultInput.ReadReadableAsync(parseResult.GetRequiredValue(inputs), cancellationToken);
                // A file that cannot be read is its segment missing: the merge names it and keeps the others.
                foreach (var problem in unreadable) await error.WriteLineAsync($"warning: {problem}; its segment counts as missing");
                if (partials.Count == 0) throw new InvalidDataException("no partial result could be read");
                document = SegmentMerge.Merge(partials, Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory))), BenchVersion.Current);
            }
            catch (Exception e) when (e is InvalidDataException or SegmentMerge.MergeException)
            {
                await error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.UsageError;
            }
            return await BenchmarkExecution.ReportAsync(document, comparison: null, stoppedWith: null, directory, json: false, output, output);
        });
        return command;
    }
}
