namespace IsuBench.Bench.Segments;

/// <summary>The partial results <c>isubench merge</c> is given: files, or folders whose <c>segment-I-of-N.json</c> files are read.</summary>
internal static class PartialResultInput
{
    /// <summary>The pattern of a partial result's file name in a folder.</summary>
    public const string Pattern = "segment-*-of-*.json";

    /// <summary>Reads every partial result of <paramref name="paths"/>; throws <see cref="InvalidDataException"/> naming what cannot be read.</summary>
    public static async Task<IReadOnlyList<PartialResultDocument>> ReadAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
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
        foreach (var file in files.Distinct(StringComparer.Ordinal)) partials.Add(await PartialResultFile.ReadAsync(file, cancellationToken));
        return partials;
    }
}
