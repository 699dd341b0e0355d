namespace IsuBench.Bench.Segments;

/// <summary>The partial results <c>isubench merge</c> is given: files, or folders whose <c>segment-I-of-N.json</c> files are read.</summary>
internal static class PartialResultInput
{
    /// <summary>The pattern of a partial result's file name in a folder.</summary>
    public const string Pattern = "segment-*-of-*.json";

    /// <summary>Reads every partial result of <paramref name="paths"/>; throws <see cref="InvalidDataException"/> naming what cannot be read.</summary>
    public static async Task<IReadOnlyList<PartialResultDocument>> ReadAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var (partials, unreadable) = await ReadReadableAsync(paths, cancellationToken);
        if (unreadable.Count > 0) throw new InvalidDataException(unreadable[0]);
        return partials;
    }

    /// <summary>
    /// Reads the partial results of <paramref name="paths"/> that can be read, and says why each other file cannot (a segment
    /// killed while writing leaves none, or a cut one): the merge then counts its segment as missing and keeps the others.
    /// Throws <see cref="InvalidDataException"/> for a path that is neither a file nor a folder of partial results.
    /// </summary>
    public static async Task<(IReadOnlyList<PartialResultDocument> Partials, IReadOnlyList<string> Unreadable)> ReadReadableAsync(
        IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.GetFiles(path, Pattern).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0) throw new InvalidDataException($"{path}: no partial results ({Pattern}) in this folder");
                files.AddRange(found);
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new InvalidDataException($"{path}: no such file or folder");
            }
        }
        var partials = new List<PartialResultDocument>();
        var unreadable = new List<string>();
        foreach (var file in files.Distinct(StringComparer.Ordinal))
        {
            try
            {
                partials.Add(await PartialResultFile.ReadAsync(file, cancellationToken));
            }
            catch (InvalidDataException e)
            {
                unreadable.Add(e.Message);
            }
        }
        return (partials, unreadable);
    }
}
