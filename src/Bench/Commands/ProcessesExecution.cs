using System.Text;
using IsuBench.Bench.Processes;
using IsuBench.Bench.Progress;
using IsuBench.Bench.Reports;
using IsuBench.Bench.Segments;
using IsuBench.Engine.Execution;
using IsuBench.Scenarios.Run;

namespace IsuBench.Bench.Commands;

/// <summary>
/// <c>run --processes N</c>: starts N segments of this same isubench on this machine (<c>run --segment I/N</c>, each with its own
/// budget of open files, all with the run's seed and folder), shows one progress panel for all, forwards Ctrl+C and SIGTERM to them,
/// and when every one has ended merges their partial results into the run's result files, as <c>isubench merge</c> does. A segment
/// that ended without its partial result is named missing and fails the result; the others' data is kept.
/// </summary>
internal static class ProcessesExecution
{
    private static readonly TimeSpan ProgressReadInterval = TimeSpan.FromMilliseconds(500);

    // The end of a log shown when no segment wrote a partial result, so that the reason is seen without opening the files.
    private const int LogTailBytes = 2048;

    /// <summary>What to run and where to report.</summary>
    /// <param name="Options">The run's options, as each segment reads them (the seed among them).</param>
    /// <param name="Processes">N.</param>
    /// <param name="OutDirectory">The run's folder: the segments' logs, partial results and the merged result files.</param>
    /// <param name="BaselinePath">A baseline for junit.xml's score-gate case; ignored when the file does not exist.</param>
    /// <param name="MaxDrop">The gate's allowed drop.</param>
    /// <param name="NoProgress">No progress panel.</param>
    /// <param name="Json">Print result.json to stdout and the human summary to stderr.</param>
    /// <param name="ArgumentsOf">The command line of a segment, by its index (<see cref="ChildCommandLine"/>).</param>
    /// <param name="Executable">What to start: this isubench.</param>
    public sealed record Request(
        BenchmarkOptions Options, int Processes, string OutDirectory, string? BaselinePath, decimal MaxDrop, bool NoProgress, bool Json,
        Func<int, IReadOnlyList<string>> ArgumentsOf, BenchExecutable Executable);

    /// <summary>
    /// Runs the segments and reports their merged result; returns its exit code (or 4 unreachable, 130 interrupted with nothing
    /// to merge).
    /// </summary>
    public static async Task<int> ExecuteAsync(Request request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var human = request.Json ? error : output;
        var (unreachable, _) = await BenchmarkExecution.ProbeAsync(request.Options, error, cancellationToken);
        if (unreachable is { } exitCode) return exitCode;

        string directory = request.OutDirectory;
        Directory.CreateDirectory(directory);
        if (RemoveLeftovers(directory, request.Processes) is { } stale)
        {
            await error.WriteLineAsync($"error: {stale} is left from an earlier run and cannot be removed; give another --out");
            return ExitCodes.UsageError;
        }
        IReadOnlyList<int> exitCodes;
        await using (var group = SegmentProcessGroup.Start(request.Executable, request.ArgumentsOf, request.Processes, directory))
        {
            foreach (var child in group.Children)
                await error.WriteLineAsync($"segment {child.Name}: pid {child.Pid}, output in {child.LogPath}");
            using var stopProgress = new CancellationTokenSource();
            var reading = group.ReadProgressAsync(ProgressReadInterval, stopProgress.Token);
            var mode = ProgressDisplay.Choose(request.NoProgress, error);
            var display = ProgressDisplay.RunAsync(mode, group.Sample, error, stopProgress.Token);
            try
            {
                exitCodes = await group.WaitAsync(cancellationToken);
            }
            finally
            {
                await stopProgress.CancelAsync();
                await Task.WhenAll(reading, display);
            }
            foreach (var child in group.Children)
                await error.WriteLineAsync($"segment {child.Name} (pid {child.Pid}): {SegmentChild.ExitText(await child.Exited)}");
            foreach (var child in group.Children) RemoveQuietly(child.ProgressPath);
            return await MergeAsync(request, group.Children, exitCodes, cancellationToken.IsCancellationRequested, output, human, error);
        }
    }

    // Not cancellable: after Ctrl+C what the segments wrote is still merged and reported.
    private static async Task<int> MergeAsync(
        Request request, IReadOnlyList<SegmentChild> children, IReadOnlyList<int> exitCodes, bool interrupted,
        TextWriter output, TextWriter human, TextWriter error)
    {
        string directory = request.OutDirectory;
        var files = children.Select(c => PartialPath(directory, c.Index, c.Count)).Where(File.Exists).ToList();
        var (partials, unreadable) = await PartialResultInput.ReadReadableAsync(files, CancellationToken.None);
        foreach (var problem in unreadable) await error.WriteLineAsync($"warning: {problem}; its segment counts as missing");
        if (partials.Count == 0)
        {
            await error.WriteLineAsync("error: no segment wrote its partial result; the end of each one's output:");
            foreach (var child in children) await error.WriteAsync(await LogTailAsync(child));
            return interrupted ? ExitCodes.Interrupted
                : exitCodes.FirstOrDefault(
                    c => c is ExitCodes.UsageError or ExitCodes.EnvironmentMissing or ExitCodes.Interrupted, ExitCodes.BenchmarkFailed);
        }
        var given = partials.Select(p => p.SegmentIndex).ToHashSet();
        var whyMissing = children.Where(c => !given.Contains(c.Index)).ToDictionary(
            c => c.Index,
            c => $"its process (pid {c.Pid}) ended with {SegmentChild.ExitText(exitCodes[c.Index - 1])} without a readable partial result; "
                + $"its output: {Path.GetFileName(c.LogPath)}");
        ResultDocument document;
        try
        {
            document = SegmentMerge.Merge(partials, RunIdOf(directory), BenchVersion.Current, whyMissing);
        }
        catch (SegmentMerge.MergeException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.UsageError;
        }
        document = document with { Options = document.Options with { Processes = request.Processes } };
        var comparison = await BenchmarkExecution.CompareWithBaselineAsync(
            document, request.BaselinePath, request.MaxDrop, baselineDecides: false, error, CancellationToken.None);
        return await BenchmarkExecution.ReportAsync(document, comparison, stoppedWith: null, directory, request.Json, output, human);
    }

    /// <summary>The partial result of segment <paramref name="index"/>/<paramref name="count"/> in <paramref name="directory"/>.</summary>
    public static string PartialPath(string directory, int index, int count) =>
        Path.Combine(directory, PartialResultFile.FileName(new Segment(index, count)));

    // What an earlier run into this folder left and this one writes again: were a segment to end without its own partial result,
    // the earlier one's must not be merged in its place, nor an earlier check's outcome taken for this run's.
    // Returns the first such file that is still there.
    private static string? RemoveLeftovers(string directory, int count)
    {
        var leftovers = new List<string> { Path.Combine(directory, CheckOutcomeFile.FileName) };
        for (int index = 1; index <= count; index++)
        {
            leftovers.Add(PartialPath(directory, index, count));
            leftovers.Add(SegmentChild.ProgressPathOf(directory, index));
            leftovers.Add(SegmentChild.PidPathOf(directory, index));
        }
        foreach (var path in leftovers) RemoveQuietly(path);
        return leftovers.FirstOrDefault(File.Exists);
    }

    private static void RemoveQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static string RunIdOf(string directory) => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));

    // The last lines of a segment's log, read from its end only.
    private static async Task<string> LogTailAsync(SegmentChild child)
    {
        var text = new StringBuilder($"--- segment {child.Name}: {child.LogPath}\n");
        try
        {
            await using var log = new FileStream(child.LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, useAsync: true);
            log.Seek(Math.Max(0, log.Length - LogTailBytes), SeekOrigin.Begin);
            var buffer = new byte[LogTailBytes];
            int read = await log.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false);
            string tail = Encoding.UTF8.GetString(buffer, 0, read);
            text.Append(tail);
            if (tail.Length > 0 && !tail.EndsWith('\n')) text.Append('\n');
        }
        catch (IOException e)
        {
            text.Append($"(not readable: {e.Message})\n");
        }
        return text.ToString();
    }
}
