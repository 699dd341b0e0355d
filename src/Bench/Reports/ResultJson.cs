using System.Text.Encodings.Web;
using System.Text.Json;

namespace IsuBench.Bench.Reports;

/// <summary>Writes and reads <c>result.json</c>.</summary>
public static class ResultJson
{
    /// <summary>The file name inside a run's folder.</summary>
    public const string FileName = "result.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        // Messages are often Japanese or hold quotes; keep them readable. HTML embedding escapes separately.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Documents name their fields; the engine's own records written as they are (Matsuri's counters) follow the same style.
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>The JSON Schema (draft 7) of result.json, shipped inside isubench.</summary>
    public static string Schema()
    {
        using var stream = typeof(ResultJson).Assembly.GetManifestResourceStream("result.schema.json")
            ?? throw new InvalidOperationException("result.schema.json is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The document as indented JSON.</summary>
    public static string Serialize(ResultDocument document) => JsonSerializer.Serialize(document, Options);

    /// <summary>Reads a document written by <see cref="Serialize"/>.</summary>
    /// <exception cref="JsonException">The text is not a complete result document.</exception>
    public static ResultDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<ResultDocument>(json, Options) ?? throw new JsonException("result.json holds null");

    /// <summary>Reads a document written by <see cref="Serialize"/> from <paramref name="stream"/>.</summary>
    /// <exception cref="JsonException">The text is not a complete result document.</exception>
    public static async Task<ResultDocument> DeserializeAsync(Stream stream, CancellationToken cancellationToken) =>
        await JsonSerializer.DeserializeAsync<ResultDocument>(stream, Options, cancellationToken) ?? throw new JsonException("result.json holds null");
}
