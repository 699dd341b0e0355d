using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IsuBench.Bench.Reports;

/// <summary>Brings a result.json of an older <see cref="ResultJson.SchemaVersion"/> to the current layout before it is read, so old runs still compare and render.</summary>
internal static class ResultJsonUpgrade
{
    private const string VersionField = "schema_version";

    /// <summary>Rewrites <paramref name="document"/> in place to the current layout.</summary>
    /// <exception cref="JsonException">The file says it was written by a newer isubench, whose layout this one cannot know.</exception>
    public static void ToCurrent(JsonObject document)
    {
        int version = VersionOf(document);
        if (version > ResultJson.SchemaVersion)
            throw new JsonException($"schema_version {version.ToString(CultureInfo.InvariantCulture)} is newer than this isubench reads ({ResultJson.SchemaVersion.ToString(CultureInfo.InvariantCulture)}); use a newer isubench");
        if (version < 2) FromVersion1(document);
        document[VersionField] = ResultJson.SchemaVersion;
    }

    private static int VersionOf(JsonObject document)
    {
        if (!document.TryGetPropertyValue(VersionField, out var value) || value is null) return 1;
        return value.GetValueKind() == JsonValueKind.Number && value.AsValue().TryGetValue<int>(out int version)
            ? version
            : throw new JsonException($"schema_version must be an integer, not {value.ToJsonString()}");
    }

    // Version 1 called the front end "profile", which read as the server's profile; the server's own profile and version were not recorded.
    private static void FromVersion1(JsonObject document)
    {
        if (document["options"] is JsonObject options && options.TryGetPropertyValue("profile", out var profile) && !options.ContainsKey("front_end"))
        {
            options.Remove("profile");
            options["front_end"] = profile;
        }
    }
}
