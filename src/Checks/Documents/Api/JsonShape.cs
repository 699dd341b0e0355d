using System.Text.Json;

namespace IsuBench.Checks.Documents.Api;

/// <summary>Reads required fields of given JSON types, naming the path of the first wrong one; extra fields are ignored.</summary>
internal static class JsonShape
{
    public static JsonElement Object(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new ShapeException($"{path} must be an object, got {Kind(element)}");
        return element;
    }

    public static JsonElement Property(JsonElement obj, string name, string path)
    {
        Object(obj, path);
        if (!obj.TryGetProperty(name, out var value)) throw new ShapeException($"{path}.{name} is missing");
        return value;
    }

    public static long Long(JsonElement obj, string name, string path)
    {
        var value = Property(obj, name, path);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
            throw new ShapeException($"{path}.{name} must be an integer, got {Kind(value)} {Raw(value)}");
        return number;
    }

    public static int Int(JsonElement obj, string name, string path)
    {
        var number = Long(obj, name, path);
        if (number is < int.MinValue or > int.MaxValue) throw new ShapeException($"{path}.{name} is out of range: {number}");
        return (int)number;
    }

    public static double Double(JsonElement obj, string name, string path)
    {
        var value = Property(obj, name, path);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
            throw new ShapeException($"{path}.{name} must be a number, got {Kind(value)} {Raw(value)}");
        return number;
    }

    public static string String(JsonElement obj, string name, string path)
    {
        var value = Property(obj, name, path);
        if (value.ValueKind != JsonValueKind.String) throw new ShapeException($"{path}.{name} must be a string, got {Kind(value)}");
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // Valid JSON syntax, yet no string: an escaped lone surrogate such as "\ud800".
            throw new ShapeException($"{path}.{name} is not valid Unicode text: {Raw(value)}");
        }
    }

    public static DateTimeOffset Timestamp(JsonElement obj, string name, string path)
    {
        var text = String(obj, name, path);
        if (!Rfc3339Timestamp.TryParse(text, out var time))
            throw new ShapeException($"{path}.{name} must be an RFC 3339 timestamp, got \"{text}\"");
        return time;
    }

    public static IReadOnlyList<T> Array<T>(JsonElement obj, string name, string path, Func<JsonElement, string, T> read)
    {
        var value = Property(obj, name, path);
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

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();

    private static string Raw(JsonElement element)
    {
        var raw = element.GetRawText();
        return raw.Length <= 40 ? raw : raw[..40] + "…";
    }
}
