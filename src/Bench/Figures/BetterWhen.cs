namespace IsuBench.Bench.Figures;

/// <summary>Which way a figure improves, so a change can be called better or worse.</summary>
public enum BetterWhen
{
    /// <summary>More is better (score, requests served).</summary>
    Higher,

    /// <summary>Less is better (latency, errors).</summary>
    Lower,

    /// <summary>Neither way is better (the shape of a histogram).</summary>
    Neither,
}
