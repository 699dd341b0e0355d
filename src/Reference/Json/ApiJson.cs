using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IsuBench.Reference.Json;

/// <summary>The JSON conventions of the ISUketch API: snake_case names and RFC 3339 UTC timestamps with microseconds.</summary>
internal static class ApiJson
{
    /// <summary>Options shared by the API, the SSE stream and the pages' embedded props.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new MicrosecondTimestampConverter(), new StrokeListConverter() },
    };

    /// <summary>Writes a UTC timestamp as <c>2016-09-22T00:00:01.123456Z</c>.</summary>
    public static string FormatTimestamp(DateTime utc) =>
        utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private sealed class MicrosecondTimestampConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTime.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(FormatTimestamp(DateTime.SpecifyKind(value, DateTimeKind.Utc)));
    }
}
