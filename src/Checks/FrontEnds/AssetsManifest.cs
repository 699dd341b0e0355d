using System.Text.Json;
using System.Text.RegularExpressions;

namespace IsuBench.Checks.FrontEnds;

/// <summary>Reads an assets manifest, JSON <c>{"/path": "md5 hex", ...}</c>, as given to <c>--assets-manifest</c> or shipped by the reference.</summary>
public static partial class AssetsManifest
{
    [GeneratedRegex("^[0-9a-fA-F]{32}$")]
    private static partial Regex Md5Hex();

    /// <summary>Parses the manifest text; false with a problem when it is not an object of absolute paths to 32-digit hex strings.</summary>
    public static bool TryParse(string json, out IReadOnlyDictionary<string, string>? hashes, out string? problem)
    {
        hashes = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = "the manifest must be a JSON object of path to MD5";
                return false;
            }
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                var value = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString()! : "";
                if (!entry.Name.StartsWith('/') || !Md5Hex().IsMatch(value))
                {
                    problem = $"entry \"{entry.Name}\" must map a path starting with / to a 32-digit hex MD5";
                    return false;
                }
                result[entry.Name] = value.ToLowerInvariant();
            }
            hashes = result;
            problem = null;
            return true;
        }
        catch (JsonException e)
        {
            problem = "the manifest is not valid JSON: " + e.Message;
            return false;
        }
    }
}
