using System.Text.Json.Serialization;

namespace IsuBench.Bench.Reports;

/// <summary>One rule applied to one response, with its evidence.</summary>
public sealed record VerdictDocument(
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("passed")] bool Passed,
    [property: JsonPropertyName("critical")] bool Critical,
    [property: JsonPropertyName("addition")] bool Addition,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("request")] string Request,
    [property: JsonPropertyName("expected")] string Expected,
    [property: JsonPropertyName("actual")] string Actual);
