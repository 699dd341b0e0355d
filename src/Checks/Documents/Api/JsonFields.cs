using System.Text.Json;

namespace IsuBench.Checks.Documents.Api;

/// <summary>
/// Reads JSON fields the way the original benchmark's Go decoder did (docs/fidelity.md, "Reading JSON"): a field that is absent
/// or null reads as its zero value, a present field must have the right type, extra fields are ignored, and a key that matches
/// no field exactly may match one case-insensitively. Absent fields are listed, for the contract rule that wants them present.
/// </summary>
internal sealed class JsonFields
{
    private List<string>? _absent;

    /// <summary>The paths of the fields that were absent (or null) and read as zero, in reading order.</summary>
    public IReadOnlyList<string> Absent => _absent ?? (IReadOnlyList<string>)[];

    /// <summary>Fails unless <paramref name="element"/> is an object.</summary>
    public static JsonElement Object(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new ShapeException($"{path} must be an object, got {Kind(element)}");
        return element;
    }

    /// <summary>A field that must be there and not null (the original treated a missing top-level object as a failed request).</summary>
    public static JsonElement Required(JsonElement obj, string name, string path)
    {
        Object(obj, path);
        if (!TryFind(obj, name, out var value) || value.ValueKind == JsonValueKind.Null) throw new ShapeException($"{path}.{name} is missing");
        return value;
    }

    /// <summary>The field, or null when it is absent or null (then recorded as absent).</summary>
    public JsonElement? Optional(JsonElement obj, string name, string path)
    {
        Object(obj, path);
        if (TryFind(obj, name, out var value) && value.ValueKind != JsonValueKind.Null) return value;
        (_absent ??= []).Add($"{path}.{name}");
        return null;
    }

    /// <summary>An integer field; 0 when absent.</summary>
    public long Long(JsonElement obj, string name, string path)
    {
        if (Optional(obj, name, path) is not { } value) return 0;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
            throw new ShapeException($"{path}.{name} must be an integer, got {Kind(value)} {Raw(value)}");
        return number;
    }

    /// <summary>A 32-bit integer field; 0 when absent.</summary>
    public int Int(JsonElement obj, string name, string path)
    {
        var number = Long(obj, name, path);
        if (number is < int.MinValue or > int.MaxValue) throw new ShapeException($"{path}.{name} is out of range: {number}");
        return (int)number;
    }

    /// <summary>A number field; 0 when absent.</summary>
    public double Double(JsonElement obj, string name, string path)
    {
        if (Optional(obj, name, path) is not { } value) return 0;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
            throw new ShapeException($"{path}.{name} must be a number, got {Kind(value)} {Raw(value)}");
        return number;
    }

    /// <summary>A string field; empty when absent.</summary>
    public string String(JsonElement obj, string name, string path) =>
        Optional(obj, name, path) is { } value ? Text(value, $"{path}.{name}") : "";

    /// <summary>An RFC 3339 timestamp field; <see cref="DateTimeOffset.MinValue"/> (Go's zero time) when absent.</summary>
    public DateTimeOffset Timestamp(JsonElement obj, string name, string path)
    {
        if (Optional(obj, name, path) is not { } value) return DateTimeOffset.MinValue;
        var text = Text(value, $"{path}.{name}");
        if (!Rfc3339Timestamp.TryParse(text, out var time))
            throw new ShapeException($"{path}.{name} must be an RFC 3339 timestamp, got \"{text}\"");
        return time;
    }

    /// <summary>An array field read item by item; empty when absent.</summary>
    public IReadOnlyList<T> Array<T>(JsonElement obj, string name, string path, Func<JsonElement, string, T> read)
    {
        if (Optional(obj, name, path) is not { } value) return [];
        if (value.ValueKind != JsonValueKind.Array) throw new ShapeException($"{path}.{name} must be an array, got {Kind(value)}");
        var items = new List<T>(value.GetArrayLength());
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            items.Add(read(item, $"{path}.{name}[{index}]"));
            index++;
        }
        return items;
    }

    /// <summary>A string value at <paramref name="path"/>.</summary>
    public static string Text(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.String) throw new ShapeException($"{path} must be a string, got {Kind(value)}");
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // Valid JSON syntax, yet no string: an escaped lone surrogate such as "\ud800".
            throw new ShapeException($"{path} is not valid Unicode text: {Raw(value)}");
        }
    }

    // Go's encoding/json prefers an exact key and otherwise takes one that matches case-insensitively.
    private static bool TryFind(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.TryGetProperty(name, out value)) return true;
        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }
        return false;
    }

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();

    private static string Raw(JsonElement element)
    {
        var raw = element.GetRawText();
        return raw.Length <= 40 ? raw : raw[..40] + "…";
    }
}
