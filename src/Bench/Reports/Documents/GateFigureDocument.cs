using System.Text.Json.Serialization;

namespace IsuBench.Bench.Reports;

/// <summary>One figure the gate compares between runs, and which way is better (<c>higher</c> or <c>lower</c>).</summary>
public sealed record GateFigureDocument(
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("better")] string Better)
{
    /// <summary>A figure that is better when higher (a score, a share on time).</summary>
    public const string Higher = "higher";

    /// <summary>A figure that is better when lower (a latency).</summary>
    public const string Lower = "lower";
}
