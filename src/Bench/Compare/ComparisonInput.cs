using System.Text.Json;
using IsuBench.Bench.Gate;
using IsuBench.Bench.Reports;

namespace IsuBench.Bench.Compare;

/// <summary>
/// Reads the sides of a comparison: each argument is a result.json written by <c>isubench run</c>, or a folder whose
/// result.json files, at any depth, are the runs of one side. A result of <c>run --repeat</c> is its runs, as for
/// <c>isubench gate</c> (see <see cref="ComparisonSide.Runs"/>).
/// </summary>
internal static class ComparisonInput
{
    private const string WhatToPass = "pass a result.json written by isubench run (results/<run id>/result.json) or a folder of runs";

    /// <summary>One side per argument, in order; sides whose labels coincide are numbered.</summary>
    /// <exception cref="ComparisonInputException">An argument is missing, empty or not a result.</exception>
    public static async Task<IReadOnlyList<ComparisonSide>> ReadAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var sides = new List<ComparisonSide>(arguments.Count);
        foreach (string argument in arguments) sides.Add(await ReadSideAsync(argument, cancellationToken));
        return NumberRepeatedLabels(sides);
    }

    /// <summary>The side of one argument: a folder's runs labelled with the folder's name, or one run labelled with its run id.</summary>
    /// <exception cref="ComparisonInputException">The argument is missing, empty or not a result.</exception>
    public static async Task<ComparisonSide> ReadSideAsync(string path, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, ResultJson.FileName, new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                .Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0) throw new ComparisonInputException($"{path} holds no {ResultJson.FileName}; {WhatToPass}.");
            var read = new List<(string File, ResultDocument Result)>(files.Count);
            foreach (string file in files) read.Add((file, await ReadRunAsync(file, cancellationToken)));
            return new ComparisonSide(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(path))), path, CountEachRunOnce(read));
        }
        var run = await ReadRunAsync(path, cancellationToken);
        return new ComparisonSide(string.IsNullOrWhiteSpace(run.RunId) ? Path.GetFileNameWithoutExtension(path) : run.RunId, path, [run]);
    }

    /// <summary>The result at <paramref name="path"/>.</summary>
    /// <exception cref="ComparisonInputException">There is no such file, or it is not a result.json.</exception>
    public static async Task<ResultDocument> ReadRunAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new ComparisonInputException($"{path} does not exist; {WhatToPass}.");
        if (info.Length > ScoreFile.MaxBytes)
            throw new ComparisonInputException($"{path} is larger than {ScoreFile.MaxBytes / 1024 / 1024} MB; not a result.json.");
        try
        {
            await using var stream = info.OpenRead();
            return await ResultJson.DeserializeAsync(stream, cancellationToken);
        }
        catch (JsonException e)
        {
            // The original bench's {"pass","score","messages"} lands here too: it has no endpoints or delivery to compare.
            throw new ComparisonInputException($"{path} is not a result.json written by isubench run: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ComparisonInputException($"{path} cannot be read: {e.Message}");
        }
    }

    // run --repeat --out DIR writes the summary DIR/result.json and each run's own DIR/<run id>/result.json beside it, the
    // warm-up runs' too. Each run counts once: by its own file when every run of the summary has one (it holds the run's
    // endpoints, delivery and errors), else by the summary; a warm-up run never, as the gate leaves them out.
    private static List<ResultDocument> CountEachRunOnce(IReadOnlyList<(string File, ResultDocument Result)> read)
    {
        var present = read.Select(r => r.File).ToHashSet(StringComparer.Ordinal);
        var left = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, result) in read)
        {
            if (result.Repeat is not { Runs.Count: > 0 } repeat) continue;
            string folder = Path.GetDirectoryName(file)!;
            string OwnFile(RepeatRunDocument run) => Path.Combine(folder, run.RunId, ResultJson.FileName);
            if (repeat.Runs.All(run => present.Contains(OwnFile(run)))) left.Add(file);
            else left.UnionWith(repeat.Runs.Select(OwnFile));
            left.UnionWith((repeat.WarmUp ?? []).Select(OwnFile));
        }
        return read.Where(r => !left.Contains(r.File)).Select(r => r.Result).ToList();
    }

    // A run compared with a copy of itself, or two folders both named "tuned", would be indistinguishable in every table.
    private static List<ComparisonSide> NumberRepeatedLabels(List<ComparisonSide> sides)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return sides.Select(side =>
        {
            int count = seen[side.Label] = seen.GetValueOrDefault(side.Label) + 1;
            return count == 1 ? side : side with { Label = $"{side.Label} ({count})" };
        }).ToList();
    }
}
