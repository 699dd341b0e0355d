using System.Text.Json;
using IsuBench.Reference.Domain;
using Microsoft.AspNetCore.Http;

namespace IsuBench.Reference.Endpoints.Requests;

/// <summary>Reads a request body as one JSON object and its typed fields, strictly (no strings for numbers).</summary>
internal static class JsonBody
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = InputLimits.MaxJsonDepth };

    /// <summary>The parsed body, or null when it is not a JSON object. Bodies over the size limit throw Kestrel's 413.</summary>
    public static async Task<JsonDocument?> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, Options, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
        if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
        document.Dispose();
        return null;
    }

    /// <summary>An integer field within [min, max]; error names the field.</summary>
    public static bool TryGetInt(JsonElement body, string name, int min, int max, out int value, out string error)
    {
        value = 0;
        error = $"{name} must be an integer from {min} to {max}";
        if (!body.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.Number) return false;
        if (!element.TryGetInt32(out value) || value < min || value > max) return false;
        error = "";
        return true;
    }

    /// <summary>A finite number field.</summary>
    public static bool TryGetNumber(JsonElement body, string name, out double value)
    {
        value = 0;
        return body.TryGetProperty(name, out var element)
            && element.ValueKind == JsonValueKind.Number
            && element.TryGetDouble(out value)
            && double.IsFinite(value);
    }

    /// <summary>A string field.</summary>
    public static bool TryGetString(JsonElement body, string name, out string value)
    {
        value = "";
        if (!body.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.String) return false;
        try
        {
            value = element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") is valid JSON but not a string we can store.
            return false;
        }
        return true;
    }
}
