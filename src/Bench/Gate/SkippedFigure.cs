namespace IsuBench.Bench.Gate;

/// <summary>A figure the gate did not compare because only one side had it (<c>results</c> or <c>baselines</c>).</summary>
internal sealed record SkippedFigure(string Name, string OnlyIn)
{
    /// <summary>E.g. <c>"p50_ms" (results only)</c>.</summary>
    public override string ToString() => $"\"{Name}\" ({OnlyIn} only)";
}
