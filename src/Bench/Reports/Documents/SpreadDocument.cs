using System.Text.Json.Serialization;
using IsuBench.Bench.Figures;

namespace IsuBench.Bench.Reports;

/// <summary>One figure over repeated runs: median, range, and the coefficient of variation (null for a single run).</summary>
public sealed record SpreadDocument(
    [property: JsonPropertyName("median")] double Median,
    [property: JsonPropertyName("min")] double Min,
    [property: JsonPropertyName("max")] double Max,
    [property: JsonPropertyName("cv")] double? CoefficientOfVariation)
{
    /// <summary>The spread of <paramref name="values"/>, one per run.</summary>
    public static SpreadDocument Of(IReadOnlyCollection<double> values)
    {
        var spread = Spread.Of(values);
        return new SpreadDocument(spread.Median, spread.Min, spread.Max,
            spread.CoefficientOfVariation is { } cv ? Math.Round(cv, 4) : null);
    }
}
