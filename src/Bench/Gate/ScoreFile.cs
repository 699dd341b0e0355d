using System.Text.Json;

namespace IsuBench.Bench.Gate;

/// <summary>
/// Reads <c>pass</c>, <c>score</c> and <c>messages</c> from a result file: IsuBench's result.json or the original
/// bench's <c>{"pass","score","messages"}</c> output, so either can serve as a baseline.
/// </summary>
public static class ScoreFile
{
    /// <summary>The largest file read; a result.json of a long run is a few MB.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="GateInputException">The file is not a result.</exception>
    public static async Task<ScoreRecord> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new FileNotFoundException($"{path} does not exist", path);
        if (info.Length > MaxBytes) throw new GateInputException($"{path} is larger than {MaxBytes / 1024 / 1024} MB; not a result file");
        await using var stream = info.OpenRead();
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            throw new GateInputException($"{path} is not JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new GateInputException($"{path} is not a result: expected a JSON object with \"pass\" and \"score\"");
            if (!root.TryGetProperty("pass", out var pass) || pass.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                throw new GateInputException($"{path} is not a result: \"pass\" (true or false) is missing");
            if (!root.TryGetProperty("score", out var score) || !score.TryGetInt64(out long scoreValue))
                throw new GateInputException($"{path} is not a result: \"score\" (an integer) is missing");
            var messages = new List<string>();
            if (root.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array)
                messages.AddRange(list.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!));
            return new ScoreRecord(pass.GetBoolean(), scoreValue, messages);
        }
    }
}
