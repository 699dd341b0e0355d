using IsuBench.Checks.FrontEnds;

namespace IsuBench.Scenarios.InitialCheck;

/// <summary>Reads an <c>--assets-manifest FILE</c> (JSON <c>{path: md5}</c>).</summary>
public static class AssetsManifestFile
{
    /// <summary>The hashes in <paramref name="path"/>; throws <see cref="InvalidDataException"/> naming the file when it is unreadable or malformed.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"cannot read the assets manifest {path}: {e.Message}", e);
        }
        return AssetsManifest.TryParse(json, out var hashes, out var problem)
            ? hashes!
            : throw new InvalidDataException($"{path}: {problem}");
    }
}
