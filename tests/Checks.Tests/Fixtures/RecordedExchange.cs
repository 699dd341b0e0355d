using System.IO.Compression;
using System.Text.Json;

namespace IsuBench.Tests.Checks.Fixtures;

/// <summary>One HTTP exchange recorded from the original application (Transcripts/README.md describes the fields).</summary>
public sealed record RecordedExchange(
    DateTimeOffset RecordedAt,
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> RequestHeaders,
    string? RequestBody,
    int Status,
    IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders,
    string Md5,
    long Bytes,
    string? Body)
{
    /// <summary>The path without its query.</summary>
    public string PathOnly => Path.Split('?')[0];

    /// <summary>The response's Content-Type header, or null.</summary>
    public string? ContentType => ResponseHeaders.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>True for the requests made by hand after the benchmark (curl sends <c>Accept: */*</c>; the benchmark never did).</summary>
    public bool MadeByHand => RequestHeaders.Any(h => h.Key.Equals("Accept", StringComparison.OrdinalIgnoreCase) && h.Value == "*/*");

    /// <summary>Reads every exchange of a gzip-compressed JSON-lines transcript.</summary>
    public static IReadOnlyList<RecordedExchange> Load(string path)
    {
        using var file = File.OpenRead(path);
        using var reader = new StreamReader(new GZipStream(file, CompressionMode.Decompress));
        var exchanges = new List<RecordedExchange>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            exchanges.Add(new RecordedExchange(
                DateTimeOffset.FromUnixTimeMilliseconds((long)(root.GetProperty("t").GetDouble() * 1000)),
                root.GetProperty("method").GetString()!,
                root.GetProperty("path").GetString()!,
                Headers(root.GetProperty("request_headers")),
                root.TryGetProperty("request_body", out var body) && body.ValueKind == JsonValueKind.String ? body.GetString() : null,
                int.Parse(root.GetProperty("status").GetString()!.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture),
                Headers(root.GetProperty("response_headers")),
                root.GetProperty("response_md5").GetString()!,
                root.GetProperty("response_bytes").GetInt64(),
                root.TryGetProperty("response_body", out var response) && response.ValueKind == JsonValueKind.String ? response.GetString() : null));
        }
        return exchanges;
    }

    private static List<KeyValuePair<string, string>> Headers(JsonElement pairs) =>
        pairs.EnumerateArray().Select(p => new KeyValuePair<string, string>(p[0].GetString()!, p[1].GetString()!)).ToList();
}
