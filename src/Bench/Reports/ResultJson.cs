using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IsuBench.Bench.Reports;

/// <summary>Writes and reads <c>result.json</c>.</summary>
public static class ResultJson
{
    /// <summary>The file name inside a run's folder.</summary>
    public const string FileName = "result.json";

    /// <summary>
    /// The layout this isubench writes (<c>schema_version</c>). 2: <c>options.profile</c> became <c>options.front_end</c>, and
    /// <c>server_profile</c> and <c>server_version</c> were added. Files without the field are version 1.
    /// </summary>
    public const int SchemaVersion = 2;

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

    /// <summary>Reads a document written by <see cref="Serialize"/>, by this isubench or an older one (<see cref="ResultJsonUpgrade"/>).</summary>
    /// <exception cref="JsonException">The text is not a complete result document.</exception>
    public static ResultDocument Deserialize(string json) => FromNode(JsonNode.Parse(json));

    /// <summary>Reads a document written by <see cref="Serialize"/> from <paramref name="stream"/>, by this isubench or an older one.</summary>
    /// <exception cref="JsonException">The text is not a complete result document.</exception>
    public static async Task<ResultDocument> DeserializeAsync(Stream stream, CancellationToken cancellationToken) =>
        FromNode(await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken));

    private static ResultDocument FromNode(JsonNode? node)
    {
        if (node is null) throw new JsonException("result.json holds null");
        if (node is not JsonObject document) throw new JsonException($"result.json holds a JSON {node.GetValueKind().ToString().ToLowerInvariant()}, not an object");
        ResultJsonUpgrade.ToCurrent(document);
        return document.Deserialize<ResultDocument>(Options) ?? throw new JsonException("result.json holds null");
    }
}
