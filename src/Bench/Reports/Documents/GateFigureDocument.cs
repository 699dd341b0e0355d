using System.Text.Json.Serialization;

namespace IsuBench.Bench.Reports;

/// <summary>One figure of the gate workload, which way is better (<c>higher</c> or <c>lower</c>), and whether the gate compares it (reported only when not).</summary>
public sealed record GateFigureDocument(
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("better")] string Better,
    [property: JsonPropertyName("gated")] bool Gated = true)
{
    /// <summary>A figure that is better when higher (a score, a share on time).</summary>
    public const string Higher = "higher";

    /// <summary>A figure that is better when lower (a latency).</summary>
    public const string Lower = "lower";
}
